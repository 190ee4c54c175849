import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// What a saved version names is evidence as much as the version row itself
// (20261128_200424_immutable_versions): which tips and warnings, in which order
// (`_articles_v_rels`), and its references (`_articles_v_version_references`). These rows
// hang off the version row (ON DELETE CASCADE), and the database now fixes them too:
//
// - UPDATE and TRUNCATE: refused. Payload never changes these rows: createVersion writes
//   them with a new version (upsertRow, operation 'create': inserts only) and moves
//   `latest` on the version rows alone; only updateVersion rewrites them, on the autosave
//   and unpublish paths, which Vetted switches off (autosave: false) and refuses.
// - INSERT: only by the transaction that wrote the version row (the row's xmin is this
//   transaction or one of its subtransactions), which is how Payload writes them. No one can
//   add a tip to a version afterwards.
// - DELETE: only when the version row itself is gone, i.e. the cascade from deleting the
//   version (Payload's deleteVersions, when an admin deletes a never-approved draft), or,
//   for relationship rows, when the tip or warning they name is being deleted (its own
//   cascade) and it never had a review, out of a version no review names.
//
// Backups: a whole-database `pg_dump` restores as before (psql -f, or pg_restore, -j too):
// the dump creates triggers after loading the data, and they are active afterwards. Only a
// data-only load into an existing schema meets the INSERT rule: it must load in one
// transaction (`psql --single-transaction`; pg_dump --data-only puts versions before their
// rows), or with triggers disabled (`pg_dump --data-only --disable-triggers`, superuser).
const CHILD_TABLES = [
  // [table, version table, column naming the version row]
  ['_articles_v_rels', '_articles_v', 'parent_id'],
  ['_articles_v_version_references', '_articles_v', '_parent_id'],
] as const

const triggerName = (table: string) => table.slice(1)

/**
 * The two functions behind the guard. (Also run by 20261206_214914_one_engine, which dropped
 * the branch that let the embedded PGlite database, without transactions, add rows to the
 * newest version of a document.)
 */
export async function createGuardFunctions(db: MigrateUpArgs['db']): Promise<void> {
  await db.execute(sql`
    -- Whether a row with this xmin was written by the current transaction or one of its
    -- subtransactions. xmin is 32 bits; pg_xact_status takes the 64-bit id, so the id is
    -- placed just above the top-level transaction's (a subtransaction's id is always above
    -- its parent's). A visible row whose writer is still in progress is our own. (An id that
    -- lands past every assigned one makes pg_xact_status raise: refused all the same.)
    CREATE OR REPLACE FUNCTION vetted_written_in_this_transaction(writer xid) RETURNS boolean
    LANGUAGE plpgsql STABLE AS $$
    DECLARE
      top xid8 := pg_current_xact_id_if_assigned();
      ahead bigint;
    BEGIN
      IF top IS NULL THEN
        RETURN false; -- this transaction has written nothing yet
      END IF;
      IF writer = top::xid THEN
        RETURN true;
      END IF;
      ahead := (writer::text::bigint - top::text::bigint % 4294967296 + 4294967296) % 4294967296;
      IF ahead >= 2147483648 THEN
        RETURN false;
      END IF;
      RETURN pg_xact_status((top::text::bigint + ahead)::text::xid8) = 'in progress';
    END
    $$;
  `)
  await db.execute(sql`
    -- BEFORE trigger of a version's child table. TG_ARGV: the version table, and the
    -- column of the child row that names the version row.
    CREATE OR REPLACE FUNCTION vetted_guard_version_children() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      version_table text := TG_ARGV[0];
      version_collection text := substr(TG_ARGV[0], 2, length(TG_ARGV[0]) - 3);
      version_row integer;
      version_writer xid;
      version_document integer;
      related record;
      related_gone boolean;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'saved versions are immutable: TRUNCATE of % refused', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'saved versions are immutable: UPDATE of % % refused', TG_TABLE_NAME, OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END IF;

      -- (Each branch names only the column its table has.)
      IF TG_ARGV[1] = '_parent_id' THEN
        IF TG_OP = 'INSERT' THEN version_row := NEW._parent_id; ELSE version_row := OLD._parent_id; END IF;
      ELSE
        IF TG_OP = 'INSERT' THEN version_row := NEW.parent_id; ELSE version_row := OLD.parent_id; END IF;
      END IF;
      -- Static queries, planned once per session: this runs for every row Payload writes.
      -- Names are schema-qualified: pg_dump's output runs with an empty search_path.
      IF version_table = '_articles_v' THEN
        SELECT v.xmin, v.parent_id INTO version_writer, version_document FROM public."_articles_v" v WHERE v.id = version_row;
      ELSIF version_table = '_tips_v' THEN
        SELECT v.xmin, v.parent_id INTO version_writer, version_document FROM public."_tips_v" v WHERE v.id = version_row;
      ELSIF version_table = '_warnings_v' THEN
        SELECT v.xmin, v.parent_id INTO version_writer, version_document FROM public."_warnings_v" v WHERE v.id = version_row;
      ELSE
        RAISE EXCEPTION 'vetted_guard_version_children: unknown version table %', version_table;
      END IF;

      IF TG_OP = 'INSERT' THEN
        IF version_writer IS NULL OR public.vetted_written_in_this_transaction(version_writer) THEN
          RETURN NEW; -- (no such version: the foreign key refuses the row)
        END IF;
        RAISE EXCEPTION 'saved versions are immutable: INSERT into % for version % refused '
          '(only the transaction that saves a version writes its rows)', TG_TABLE_NAME, version_row
          USING ERRCODE = 'insufficient_privilege';
      END IF;

      -- DELETE
      IF version_writer IS NULL THEN
        RETURN OLD; -- the version itself is being deleted: its rows go with it
      END IF;
      IF right(TG_TABLE_NAME, 5) = '_rels' AND NOT EXISTS (
        SELECT 1 FROM public.reviews r
        WHERE r.document_collection::text = version_collection
          AND r.document_id = version_document::text
          AND r.version_id = version_row::text
      ) THEN
        -- A relationship row names the related document in its "<collection>_id" column.
        FOR related IN
          SELECT left(key, -3) AS collection, value AS id FROM jsonb_each_text(to_jsonb(OLD))
          WHERE right(key, 3) = '_id' AND key <> 'parent_id' AND value IS NOT NULL
        LOOP
          CONTINUE WHEN to_regclass('public.' || quote_ident(related.collection)) IS NULL;
          EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM public.%I WHERE id = $1)', related.collection)
            INTO related_gone USING related.id::integer;
          IF related_gone AND NOT EXISTS (
            SELECT 1 FROM public.reviews r WHERE r.document_collection::text = related.collection AND r.document_id = related.id
          ) THEN
            RETURN OLD; -- a never-reviewed draft tip or warning is being deleted
          END IF;
        END LOOP;
      END IF;
      RAISE EXCEPTION 'saved versions are immutable: DELETE from % of version % refused', TG_TABLE_NAME, version_row
        USING ERRCODE = 'insufficient_privilege';
    END
    $$;
  `)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await createGuardFunctions(db)
  for (const [table, versionTable, column] of CHILD_TABLES) {
    await db.execute(
      sql.raw(`
        CREATE TRIGGER ${triggerName(table)}_immutable BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION vetted_guard_version_children('${versionTable}', '${column}');
        CREATE TRIGGER ${triggerName(table)}_no_truncate BEFORE TRUNCATE ON "${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION vetted_guard_version_children('${versionTable}', '${column}');
      `),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [table] of CHILD_TABLES) {
    await db.execute(
      sql.raw(`
        DROP TRIGGER IF EXISTS ${triggerName(table)}_immutable ON "${table}";
        DROP TRIGGER IF EXISTS ${triggerName(table)}_no_truncate ON "${table}";
      `),
    )
  }
  await db.execute(sql`DROP FUNCTION IF EXISTS vetted_guard_version_children();`)
  await db.execute(sql`DROP FUNCTION IF EXISTS vetted_written_in_this_transaction(xid);`)
}
