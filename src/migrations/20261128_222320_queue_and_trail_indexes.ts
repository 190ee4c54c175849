import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "state_submittedAt_idx" ON "workflow" USING btree ("state","submitted_at");
  CREATE INDEX "documentCollection_documentId_decidedAt_idx" ON "reviews" USING btree ("document_collection","document_id","decided_at");
  CREATE INDEX "documentCollection_documentId_versionId_idx" ON "reviews" USING btree ("document_collection","document_id","version_id");
  CREATE INDEX "documentCollection_documentId_savedAt_idx" ON "revisions" USING btree ("document_collection","document_id","saved_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "state_submittedAt_idx";
  DROP INDEX "documentCollection_documentId_decidedAt_idx";
  DROP INDEX "documentCollection_documentId_versionId_idx";
  DROP INDEX "documentCollection_documentId_savedAt_idx";`)
}
