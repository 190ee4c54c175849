import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Sign-off rules (globals/ReviewPolicy.ts) and approvals that accumulate. Every approval made
// before this migration published its version on its own, and so does one made by an
// instance of the previous build during a rolling deploy: `publishes` defaults to true in the
// database (the app always writes it). It means something on approvals only.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_review_policy_rules_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TYPE "public"."enum_review_policy_rules_severity" AS ENUM('emergency', 'urgent', 'caution');
  ALTER TYPE "public"."enum_audit_log_event" ADD VALUE 'policy_changed';
  CREATE TABLE "review_policy_rules" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"collection" "enum_review_policy_rules_collection" NOT NULL,
  	"severity" "enum_review_policy_rules_severity",
  	"topic" varchar,
  	"approvals" numeric DEFAULT 2 NOT NULL
  );
  
  CREATE TABLE "review_policy" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "review_policy_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "workflow" ADD COLUMN "submitted_policy" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "publishes" boolean DEFAULT true;
  ALTER TABLE "reviews" ADD COLUMN "approval_set" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "policy_summary" varchar;
  ALTER TABLE "review_policy_rules" ADD CONSTRAINT "review_policy_rules_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."review_policy"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "review_policy_texts" ADD CONSTRAINT "review_policy_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."review_policy"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "review_policy_rules_order_idx" ON "review_policy_rules" USING btree ("_order");
  CREATE INDEX "review_policy_rules_parent_id_idx" ON "review_policy_rules" USING btree ("_parent_id");
  CREATE INDEX "review_policy_texts_order_parent" ON "review_policy_texts" USING btree ("order","parent_id");
  CREATE INDEX "reviews_publishes_idx" ON "reviews" USING btree ("publishes");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "review_policy_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "review_policy" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "review_policy_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "review_policy_rules" CASCADE;
  DROP TABLE "review_policy" CASCADE;
  DROP TABLE "review_policy_texts" CASCADE;
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_event";
  CREATE TYPE "public"."enum_audit_log_event" AS ENUM('account_created', 'roles_changed', 'credentials_changed', 'display_name_changed', 'email_changed', 'password_changed', 'password_reset', 'password_reset_requested', 'logins_unlocked', 'account_deleted');
  ALTER TABLE "audit_log" ALTER COLUMN "event" SET DATA TYPE "public"."enum_audit_log_event" USING "event"::"public"."enum_audit_log_event";
  DROP INDEX "reviews_publishes_idx";
  ALTER TABLE "workflow" DROP COLUMN "submitted_policy";
  ALTER TABLE "reviews" DROP COLUMN "publishes";
  ALTER TABLE "reviews" DROP COLUMN "approval_set";
  ALTER TABLE "reviews" DROP COLUMN "policy_summary";
  DROP TYPE "public"."enum_review_policy_rules_collection";
  DROP TYPE "public"."enum_review_policy_rules_severity";`)
}
