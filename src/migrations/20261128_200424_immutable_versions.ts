import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// A saved version is evidence of what a reviewer read: its content never changes.
// Payload may still move the `latest` flag (and touch updated_at) between versions.
const VERSION_TABLES = ['_articles_v', '_tips_v', '_warnings_v'] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION vetted_refuse_version_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF (to_jsonb(NEW) - 'latest' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'latest' - 'updated_at') THEN
        RAISE EXCEPTION 'saved versions are immutable: UPDATE of % % refused', TG_TABLE_NAME, OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $$;
  `)
  for (const table of VERSION_TABLES) {
    await db.execute(
      sql.raw(`CREATE TRIGGER ${table.slice(1)}_immutable BEFORE UPDATE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION vetted_refuse_version_rewrite();`),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of VERSION_TABLES) {
    await db.execute(sql.raw(`DROP TRIGGER IF EXISTS ${table.slice(1)}_immutable ON "${table}";`))
  }
  await db.execute(sql`DROP FUNCTION IF EXISTS vetted_refuse_version_rewrite();`)
}
