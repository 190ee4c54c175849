import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The outbox of cache expiries (src/cache/expiry-outbox.ts): an approval or retirement writes
// the tags it expired in its own transaction, so an expiry that no instance managed to apply
// (a crash after commit, Redis down) is found and applied later. `lsn` is the primary's WAL
// position after the commit: read replicas are used for readers only once they replayed it.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "cache_expiries" (
      "id" bigserial PRIMARY KEY,
      "tags" text[] NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "lsn" pg_lsn,
      "applied_at" timestamptz
    );
    CREATE INDEX IF NOT EXISTS "cache_expiries_unapplied_idx" ON "cache_expiries" ("id") WHERE "applied_at" IS NULL;
    CREATE INDEX IF NOT EXISTS "cache_expiries_created_at_idx" ON "cache_expiries" ("created_at");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "cache_expiries";`)
}
