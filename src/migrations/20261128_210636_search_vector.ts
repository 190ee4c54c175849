import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Search ranks over a stored tsvector (computed once per write, not per query), and
// replaces the expression index of 20261128_200144_search_index.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "articles" ADD COLUMN IF NOT EXISTS "search_vector" tsvector
      GENERATED ALWAYS AS (to_tsvector('english', coalesce("search_text", ''))) STORED;
    CREATE INDEX IF NOT EXISTS articles_search_vector_idx ON "articles" USING gin ("search_vector");
    DROP INDEX IF EXISTS articles_search_text_fts_idx;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS articles_search_text_fts_idx
      ON "articles" USING gin (to_tsvector('english', coalesce("search_text", '')));
    DROP INDEX IF EXISTS articles_search_vector_idx;
    ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector";
  `)
}
