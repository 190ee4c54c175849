import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Reviewers a submission is assigned to (workflow.assignedTo) and their audit event.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_log_event" ADD VALUE 'reviewers_assigned';
  CREATE TABLE "workflow_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "workflow_rels" ADD CONSTRAINT "workflow_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."workflow"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_rels" ADD CONSTRAINT "workflow_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "workflow_rels_order_idx" ON "workflow_rels" USING btree ("order");
  CREATE INDEX "workflow_rels_parent_idx" ON "workflow_rels" USING btree ("parent_id");
  CREATE INDEX "workflow_rels_path_idx" ON "workflow_rels" USING btree ("path");
  CREATE INDEX "workflow_rels_users_id_idx" ON "workflow_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "workflow_rels" CASCADE;
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_event";
  CREATE TYPE "public"."enum_audit_log_event" AS ENUM('account_created', 'roles_changed', 'credentials_changed', 'display_name_changed', 'email_changed', 'password_changed', 'password_reset', 'password_reset_requested', 'logins_unlocked', 'account_deleted', 'policy_changed', 'registrations_changed');
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE "public"."enum_audit_log_event" USING "event"::"public"."enum_audit_log_event";`)
}
