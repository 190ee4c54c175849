import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_releases_members_document_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TYPE "public"."enum_releases_state" AS ENUM('open', 'submitted', 'scheduled', 'live', 'cancelled');
  ALTER TYPE "public"."enum_workflow_state" ADD VALUE 'approved' BEFORE 'published';
  ALTER TYPE "public"."enum_reviews_decision" ADD VALUE 'went_live';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'went_live';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'go_live_cancelled';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'goLiveOnSchedule';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'goLiveOnSchedule';
  CREATE TABLE "releases_members" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"document_collection" "enum_releases_members_document_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"document_title" varchar
  );
  
  CREATE TABLE "releases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"state" "enum_releases_state" DEFAULT 'open' NOT NULL,
  	"go_live_at" timestamp(3) with time zone,
  	"scheduled_by_id" integer,
  	"created_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"went_live_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"problem" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "workflow" ADD COLUMN "held_sign_off" jsonb;
  ALTER TABLE "workflow" ADD COLUMN "go_live_at" timestamp(3) with time zone;
  ALTER TABLE "workflow" ADD COLUMN "go_live_scheduled_by_id" integer;
  ALTER TABLE "reviews" ADD COLUMN "signed_off_at" timestamp(3) with time zone;
  ALTER TABLE "reviews" ADD COLUMN "release_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "releases_id" integer;
  ALTER TABLE "releases_members" ADD CONSTRAINT "releases_members_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "releases_members_order_idx" ON "releases_members" USING btree ("_order");
  CREATE INDEX "releases_members_parent_id_idx" ON "releases_members" USING btree ("_parent_id");
  CREATE INDEX "releases_members_document_id_idx" ON "releases_members" USING btree ("document_id");
  CREATE INDEX "releases_state_idx" ON "releases" USING btree ("state");
  CREATE INDEX "releases_go_live_at_idx" ON "releases" USING btree ("go_live_at");
  CREATE INDEX "releases_scheduled_by_idx" ON "releases" USING btree ("scheduled_by_id");
  CREATE INDEX "releases_created_by_idx" ON "releases" USING btree ("created_by_id");
  CREATE INDEX "releases_updated_at_idx" ON "releases" USING btree ("updated_at");
  CREATE INDEX "releases_created_at_idx" ON "releases" USING btree ("created_at");
  ALTER TABLE "workflow" ADD CONSTRAINT "workflow_go_live_scheduled_by_id_users_id_fk" FOREIGN KEY ("go_live_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_releases_fk" FOREIGN KEY ("releases_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "workflow_go_live_at_idx" ON "workflow" USING btree ("go_live_at");
  CREATE INDEX "workflow_go_live_scheduled_by_idx" ON "workflow" USING btree ("go_live_scheduled_by_id");
  CREATE INDEX "reviews_release_idx" ON "reviews" USING btree ("release_id");
  CREATE INDEX "payload_locked_documents_rels_releases_id_idx" ON "payload_locked_documents_rels" USING btree ("releases_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "releases_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "releases" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "releases_members" CASCADE;
  DROP TABLE "releases" CASCADE;
  ALTER TABLE "workflow" DROP CONSTRAINT "workflow_go_live_scheduled_by_id_users_id_fk";
  
  ALTER TABLE "reviews" DROP CONSTRAINT "reviews_release_id_releases_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_releases_fk";
  
  ALTER TABLE "workflow" ALTER COLUMN "state" SET DATA TYPE text;
  ALTER TABLE "workflow" ALTER COLUMN "state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_workflow_state";
  CREATE TYPE "public"."enum_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'published', 'retired');
  ALTER TABLE "workflow" ALTER COLUMN "state" SET DEFAULT 'draft'::"public"."enum_workflow_state";
  ALTER TABLE "workflow" ALTER COLUMN "state" SET DATA TYPE "public"."enum_workflow_state" USING "state"::"public"."enum_workflow_state";
  ALTER TABLE "reviews" ALTER COLUMN "decision" SET DATA TYPE text;
  DROP TYPE "public"."enum_reviews_decision";
  CREATE TYPE "public"."enum_reviews_decision" AS ENUM('approved', 'changes_requested', 'retired');
  ALTER TABLE "reviews" ALTER COLUMN "decision" SET DATA TYPE "public"."enum_reviews_decision" USING "decision"::"public"."enum_reviews_decision";
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('assigned', 'submitted', 'changes_requested', 'approved', 'retired', 'approval_needed', 'review_due', 'review_overdue', 'registration_lapsing');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications', 'retireOnSchedule');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications', 'retireOnSchedule');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "workflow_go_live_at_idx";
  DROP INDEX "workflow_go_live_scheduled_by_idx";
  DROP INDEX "reviews_release_idx";
  DROP INDEX "payload_locked_documents_rels_releases_id_idx";
  ALTER TABLE "workflow" DROP COLUMN "held_sign_off";
  ALTER TABLE "workflow" DROP COLUMN "go_live_at";
  ALTER TABLE "workflow" DROP COLUMN "go_live_scheduled_by_id";
  ALTER TABLE "reviews" DROP COLUMN "signed_off_at";
  ALTER TABLE "reviews" DROP COLUMN "release_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "releases_id";
  DROP TYPE "public"."enum_releases_members_document_collection";
  DROP TYPE "public"."enum_releases_state";`)
}
