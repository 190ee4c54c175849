import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// The account audit log (collections/AuditLog.ts), reviewer snapshots in review records, unique
// display names, and the login throttle. Generated, then by hand:
// - audit_log is append-only like the review trail, except that deleting an account may clear
//   the links to it (its name and email stay in the row);
// - users.display_name_key is filled for existing accounts (a look-alike gets its id appended
//   rather than failing the migration);
// - login_throttle counts failed logins per account (hashed email) and source address.

/** The same folding as src/accounts/display-name.ts, frozen here with the migration. */
export const fold = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_log_event" AS ENUM('account_created', 'roles_changed', 'credentials_changed', 'display_name_changed', 'email_changed', 'password_changed', 'password_reset', 'password_reset_requested', 'logins_unlocked', 'account_deleted');
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event" "enum_audit_log_event" NOT NULL,
  	"summary" varchar NOT NULL,
  	"subject_id" integer,
  	"subject_name" varchar,
  	"subject_email" varchar,
  	"actor_id" integer,
  	"actor_name" varchar,
  	"before" jsonb,
  	"after" jsonb,
  	"at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "reviews" ADD COLUMN "reviewer_specialties" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "reviewer_registration" varchar;
  ALTER TABLE "users" ADD COLUMN "display_name_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audit_log_event_idx" ON "audit_log" USING btree ("event");
  CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_id");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE INDEX "subject_at_idx" ON "audit_log" USING btree ("subject_id","at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "users_display_name_key_idx" ON "users" USING btree ("display_name_key");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");`)

  await db.execute(sql`
    CREATE OR REPLACE FUNCTION vetted_refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      -- Deleting an account sets its links here to NULL (ON DELETE SET NULL): allowed, alone,
      -- and only for an account that is gone (the names stay in the row).
      IF TG_OP = 'UPDATE'
        AND (to_jsonb(NEW) - 'subject_id' - 'actor_id') = (to_jsonb(OLD) - 'subject_id' - 'actor_id')
        AND (NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
             OR (NEW.subject_id IS NULL AND NOT EXISTS (SELECT 1 FROM public.users WHERE id = OLD.subject_id)))
        AND (NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
             OR (NEW.actor_id IS NULL AND NOT EXISTS (SELECT 1 FROM public.users WHERE id = OLD.actor_id))) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
    $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION vetted_refuse_audit_change();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION vetted_refuse_audit_change();

    CREATE TABLE IF NOT EXISTS "login_throttle" (
      "email_key" char(64) NOT NULL,
      "source" varchar(64) NOT NULL,
      "failures" integer NOT NULL,
      "window_started_at" timestamptz NOT NULL,
      "locked_until" timestamptz,
      PRIMARY KEY ("email_key", "source")
    );
  `)

  const { rows } = (await db.execute(sql`select id, display_name from users order by id`)) as unknown as {
    rows: { id: number; display_name: string | null }[]
  }
  const taken = new Set<string>()
  for (const row of rows) {
    let key = fold(row.display_name ?? '')
    if (taken.has(key)) key = `${key} ${row.id}`
    taken.add(key)
    await db.execute(sql`update users set display_name_key = ${key} where id = ${row.id}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS "login_throttle";
    DROP TRIGGER IF EXISTS audit_log_append_only ON "audit_log";
    DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log";
    DROP FUNCTION IF EXISTS vetted_refuse_audit_change();
  `)
  await db.execute(sql`
   ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  DROP INDEX "users_display_name_key_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "reviews" DROP COLUMN "reviewer_specialties";
  ALTER TABLE "reviews" DROP COLUMN "reviewer_registration";
  ALTER TABLE "users" DROP COLUMN "display_name_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  DROP TYPE "public"."enum_audit_log_event";`)
}
