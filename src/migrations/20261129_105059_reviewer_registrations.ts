import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Reviewers' professional registrations (Users.registrations) and their audit event.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_log_event" ADD VALUE 'registrations_changed';
  CREATE TABLE "users_registrations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"body" varchar NOT NULL,
  	"number" varchar NOT NULL,
  	"valid_until" timestamp(3) with time zone NOT NULL,
  	"verified_by_id" integer,
  	"verified_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users_registrations" ADD CONSTRAINT "users_registrations_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_registrations" ADD CONSTRAINT "users_registrations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_registrations_order_idx" ON "users_registrations" USING btree ("_order");
  CREATE INDEX "users_registrations_parent_id_idx" ON "users_registrations" USING btree ("_parent_id");
  CREATE INDEX "users_registrations_verified_by_idx" ON "users_registrations" USING btree ("verified_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_registrations" CASCADE;
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_event";
  CREATE TYPE "public"."enum_audit_log_event" AS ENUM('account_created', 'roles_changed', 'credentials_changed', 'display_name_changed', 'email_changed', 'password_changed', 'password_reset', 'password_reset_requested', 'logins_unlocked', 'account_deleted', 'policy_changed');
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE "public"."enum_audit_log_event" USING "event"::"public"."enum_audit_log_event";`)
}
