import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
// Governance: notifications and the jobs queue that sends them, per-person delivery, review
// kinds (full review or minor change) and review intervals in the sign-off rules.
// Edited by hand: a person's notifications go with them (they are not evidence, unlike the
// review trail), so the recipient key cascades on delete where Payload would set a required
// column to null; and live content is backfilled (below).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__articles_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_tips_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__tips_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_warnings_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__warnings_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_reviews_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_users_notification_delivery" AS ENUM('immediate', 'digest', 'off');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('assigned', 'submitted', 'changes_requested', 'approved', 'retired', 'approval_needed', 'review_due', 'review_overdue', 'registration_lapsing');
  CREATE TYPE "public"."enum_notifications_document_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TYPE "public"."enum_notifications_delivery" AS ENUM('immediate', 'digest');
  CREATE TYPE "public"."enum_notifications_status" AS ENUM('pending', 'sending', 'sent', 'skipped', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications');
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"recipient_name" varchar,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"subject" varchar NOT NULL,
  	"document_collection" "enum_notifications_document_collection",
  	"document_id" varchar,
  	"document_title" varchar,
  	"actor_name" varchar,
  	"detail" varchar,
  	"link" varchar NOT NULL,
  	"delivery" "enum_notifications_delivery" NOT NULL,
  	"status" "enum_notifications_status" DEFAULT 'pending' NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"dedupe_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "review_review_kind" "enum_articles_review_review_kind";
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_review_kind" "enum__articles_v_version_review_review_kind";
  ALTER TABLE "tips" ADD COLUMN "review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "tips" ADD COLUMN "review_review_kind" "enum_tips_review_review_kind";
  ALTER TABLE "_tips_v" ADD COLUMN "version_review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_tips_v" ADD COLUMN "version_review_review_kind" "enum__tips_v_version_review_review_kind";
  ALTER TABLE "warnings" ADD COLUMN "review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "warnings" ADD COLUMN "review_review_kind" "enum_warnings_review_review_kind";
  ALTER TABLE "_warnings_v" ADD COLUMN "version_review_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_warnings_v" ADD COLUMN "version_review_review_kind" "enum__warnings_v_version_review_review_kind";
  ALTER TABLE "reviews" ADD COLUMN "review_kind" "enum_reviews_review_kind";
  ALTER TABLE "users" ADD COLUMN "notification_delivery" "enum_users_notification_delivery" DEFAULT 'immediate';
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_articles" numeric DEFAULT 12;
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_tips" numeric DEFAULT 12;
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_warnings" numeric DEFAULT 12;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status");
  CREATE UNIQUE INDEX "notifications_dedupe_key_idx" ON "notifications" USING btree ("dedupe_key");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE INDEX "status_delivery_idx" ON "notifications" USING btree ("status","delivery");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
  // Every sign-off before review kinds was a full review, approved when it was reviewed. (Version
  // rows are immutable: their new columns stay empty, read as a full review.)
  for (const table of ['articles', 'tips', 'warnings']) {
    await db.execute(
      sql.raw(`UPDATE "${table}" SET "review_approved_at" = "review_last_reviewed_at", "review_review_kind" = 'full' WHERE "review_last_reviewed_at" IS NOT NULL`),
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "articles" DROP COLUMN "review_approved_at";
  ALTER TABLE "articles" DROP COLUMN "review_review_kind";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_approved_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_review_kind";
  ALTER TABLE "tips" DROP COLUMN "review_approved_at";
  ALTER TABLE "tips" DROP COLUMN "review_review_kind";
  ALTER TABLE "_tips_v" DROP COLUMN "version_review_approved_at";
  ALTER TABLE "_tips_v" DROP COLUMN "version_review_review_kind";
  ALTER TABLE "warnings" DROP COLUMN "review_approved_at";
  ALTER TABLE "warnings" DROP COLUMN "review_review_kind";
  ALTER TABLE "_warnings_v" DROP COLUMN "version_review_approved_at";
  ALTER TABLE "_warnings_v" DROP COLUMN "version_review_review_kind";
  ALTER TABLE "reviews" DROP COLUMN "review_kind";
  ALTER TABLE "users" DROP COLUMN "notification_delivery";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_articles";
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_tips";
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_warnings";
  DROP TYPE "public"."enum_articles_review_review_kind";
  DROP TYPE "public"."enum__articles_v_version_review_review_kind";
  DROP TYPE "public"."enum_tips_review_review_kind";
  DROP TYPE "public"."enum__tips_v_version_review_review_kind";
  DROP TYPE "public"."enum_warnings_review_review_kind";
  DROP TYPE "public"."enum__warnings_v_version_review_review_kind";
  DROP TYPE "public"."enum_reviews_review_kind";
  DROP TYPE "public"."enum_users_notification_delivery";
  DROP TYPE "public"."enum_notifications_kind";
  DROP TYPE "public"."enum_notifications_document_collection";
  DROP TYPE "public"."enum_notifications_delivery";
  DROP TYPE "public"."enum_notifications_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
