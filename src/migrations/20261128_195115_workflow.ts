import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_workflow_document_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TYPE "public"."enum_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'published', 'retired');
  CREATE TYPE "public"."enum_revisions_document_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TABLE "workflow" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"document_collection" "enum_workflow_document_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"document_title" varchar,
  	"state" "enum_workflow_state" DEFAULT 'draft' NOT NULL,
  	"submitted_version" varchar,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"needs_re_review" boolean DEFAULT false,
  	"re_review_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "revisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_collection" "enum_revisions_document_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"version_id" varchar NOT NULL,
  	"author_id" integer,
  	"saved_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "revisions_id" integer;
  ALTER TABLE "workflow" ADD CONSTRAINT "workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "workflow_key_idx" ON "workflow" USING btree ("key");
  CREATE INDEX "workflow_state_idx" ON "workflow" USING btree ("state");
  CREATE INDEX "workflow_submitted_by_idx" ON "workflow" USING btree ("submitted_by_id");
  CREATE INDEX "workflow_submitted_at_idx" ON "workflow" USING btree ("submitted_at");
  CREATE INDEX "workflow_needs_re_review_idx" ON "workflow" USING btree ("needs_re_review");
  CREATE INDEX "workflow_updated_at_idx" ON "workflow" USING btree ("updated_at");
  CREATE INDEX "workflow_created_at_idx" ON "workflow" USING btree ("created_at");
  CREATE INDEX "revisions_document_id_idx" ON "revisions" USING btree ("document_id");
  CREATE INDEX "revisions_author_idx" ON "revisions" USING btree ("author_id");
  CREATE INDEX "revisions_saved_at_idx" ON "revisions" USING btree ("saved_at");
  CREATE INDEX "revisions_updated_at_idx" ON "revisions" USING btree ("updated_at");
  CREATE INDEX "revisions_created_at_idx" ON "revisions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_revisions_fk" FOREIGN KEY ("revisions_id") REFERENCES "public"."revisions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_workflow_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_id");
  CREATE INDEX "payload_locked_documents_rels_revisions_id_idx" ON "payload_locked_documents_rels" USING btree ("revisions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "revisions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "workflow" CASCADE;
  DROP TABLE "revisions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_revisions_fk";
  
  DROP INDEX "payload_locked_documents_rels_workflow_id_idx";
  DROP INDEX "payload_locked_documents_rels_revisions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "revisions_id";
  DROP TYPE "public"."enum_workflow_document_collection";
  DROP TYPE "public"."enum_workflow_state";
  DROP TYPE "public"."enum_revisions_document_collection";`)
}
