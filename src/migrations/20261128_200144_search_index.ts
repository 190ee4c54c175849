import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Full-text search over live articles (the main table holds the published version).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS articles_search_text_fts_idx
      ON "articles" USING gin (to_tsvector('english', coalesce("search_text", '')));
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS articles_search_text_fts_idx;`)
}
