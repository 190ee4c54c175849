import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// On every save Payload runs `UPDATE _x_v SET latest = false WHERE parent_id = $1 AND id != $2
// AND updated_at < $3`, which rewrites every older version of the document, not only the one
// that was latest. With years of history that is hundreds of identical rows per save, each a
// new tuple and index entries (measured: 70,200 dead rows beside 7,502 live after a 400-article
// import). The immutability trigger now also drops such no-op updates, and a (parent_id,
// updated_at) index serves that statement and the version history list, instead of the planner
// ANDing the parent index with a scan of the whole updated_at index.
const VERSION_TABLES = ['_articles_v', '_tips_v', '_warnings_v'] as const

const refuseRewrite = (skipNoOps: boolean) => sql.raw(`
  CREATE OR REPLACE FUNCTION vetted_refuse_version_rewrite() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF (to_jsonb(NEW) - 'latest' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'latest' - 'updated_at') THEN
      RAISE EXCEPTION 'saved versions are immutable: UPDATE of % % refused', TG_TABLE_NAME, OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    ${
      skipNoOps
        ? `IF NEW.latest IS NOT DISTINCT FROM OLD.latest AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
      RETURN NULL;
    END IF;`
        : ''
    }
    RETURN NEW;
  END
  $$;
`)

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(refuseRewrite(true))
  for (const table of VERSION_TABLES) {
    await db.execute(sql.raw(`CREATE INDEX IF NOT EXISTS "${table}_parent_updated_idx" ON "${table}" (parent_id, updated_at);`))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of VERSION_TABLES) {
    await db.execute(sql.raw(`DROP INDEX IF EXISTS "${table}_parent_updated_idx";`))
  }
  await db.execute(refuseRewrite(false))
}
