import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The sign-off trail (reviews) and the authorship record (revisions) are append-only
// for everyone, at the database itself: even direct SQL cannot change or remove a row.
const TRAIL_TABLES = ['reviews', 'revisions'] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION vetted_refuse_trail_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
    $$;
  `)
  for (const table of TRAIL_TABLES) {
    await db.execute(sql.raw(`
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION vetted_refuse_trail_change();
      CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION vetted_refuse_trail_change();
    `))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of TRAIL_TABLES) {
    await db.execute(sql.raw(`
      DROP TRIGGER IF EXISTS ${table}_append_only ON "${table}";
      DROP TRIGGER IF EXISTS ${table}_no_truncate ON "${table}";
    `))
  }
  await db.execute(sql`DROP FUNCTION IF EXISTS vetted_refuse_trail_change();`)
}
