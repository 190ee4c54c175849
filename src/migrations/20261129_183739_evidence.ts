import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { profileSlug } from '../accounts/display-name'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_references_type" AS ENUM('guideline', 'systematic_review', 'trial', 'expert_opinion', 'patient_information');
  CREATE TYPE "public"."enum__articles_v_version_references_type" AS ENUM('guideline', 'systematic_review', 'trial', 'expert_opinion', 'patient_information');
  CREATE TYPE "public"."enum_sources_type" AS ENUM('guideline', 'systematic_review', 'trial', 'expert_opinion', 'patient_information');
  CREATE TYPE "public"."enum_sources_link_status" AS ENUM('unchecked', 'ok', 'broken');
  CREATE TYPE "public"."enum_feedback_problem" AS ENUM('missing', 'wrong', 'unclear');
  CREATE TYPE "public"."enum_feedback_status" AS ENUM('new', 'acted_on', 'dismissed');
  CREATE TYPE "public"."enum_disclosures_kind" AS ENUM('none', 'declared');
  CREATE TYPE "public"."enum_review_policy_blocking_checks" AS ENUM('image_alt', 'heading_order', 'link_text');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'checkSourceLinks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'checkSourceLinks';
  CREATE TABLE "sources" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"authors" varchar,
  	"publisher" varchar,
  	"year" numeric,
  	"type" "enum_sources_type",
  	"url" varchar,
  	"doi" varchar,
  	"pmid" varchar,
  	"accessed_at" timestamp(3) with time zone,
  	"link_status" "enum_sources_link_status" DEFAULT 'unchecked',
  	"link_problem" varchar,
  	"link_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feedback" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"article_title" varchar,
  	"helpful" boolean DEFAULT false,
  	"problem" "enum_feedback_problem",
  	"comment" varchar,
  	"email" varchar,
  	"contact_consent" boolean DEFAULT false,
  	"submitted_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_feedback_status" DEFAULT 'new' NOT NULL,
  	"staff_note" varchar,
  	"answered_by_id" integer,
  	"acted_on_by_id" integer,
  	"acted_on_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disclosures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"person_id" integer NOT NULL,
  	"kind" "enum_disclosures_kind" DEFAULT 'none' NOT NULL,
  	"statement" varchar,
  	"declared_at" timestamp(3) with time zone,
  	"recorded_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "review_policy_blocking_checks" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_review_policy_blocking_checks",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "articles_references" ADD COLUMN "source_id" integer;
  ALTER TABLE "articles_references" ADD COLUMN "section" varchar;
  ALTER TABLE "articles_references" ADD COLUMN "authors" varchar;
  ALTER TABLE "articles_references" ADD COLUMN "type" "enum_articles_references_type";
  ALTER TABLE "articles_references" ADD COLUMN "doi" varchar;
  ALTER TABLE "articles_references" ADD COLUMN "pmid" varchar;
  ALTER TABLE "articles_references" ADD COLUMN "accessed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "source_id" integer;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "section" varchar;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "authors" varchar;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "type" "enum__articles_v_version_references_type";
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "doi" varchar;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "pmid" varchar;
  ALTER TABLE "_articles_v_version_references" ADD COLUMN "accessed_at" timestamp(3) with time zone;
  ALTER TABLE "reviews" ADD COLUMN "evidence" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "disclosures" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "plain_language" jsonb;
  ALTER TABLE "reviews" ADD COLUMN "replacement_id" integer;
  ALTER TABLE "users" ADD COLUMN "profile_slug" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sources_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feedback_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "disclosures_id" integer;
  ALTER TABLE "review_policy" ADD COLUMN "source_max_age_guideline" numeric DEFAULT 5;
  ALTER TABLE "review_policy" ADD COLUMN "source_max_age_systematic_review" numeric DEFAULT 5;
  ALTER TABLE "review_policy" ADD COLUMN "source_max_age_trial" numeric DEFAULT 10;
  ALTER TABLE "review_policy" ADD COLUMN "source_max_age_expert_opinion" numeric DEFAULT 5;
  ALTER TABLE "review_policy" ADD COLUMN "source_max_age_patient_information" numeric DEFAULT 3;
  ALTER TABLE "review_policy" ADD COLUMN "reading_age_targets_articles" numeric DEFAULT 11;
  ALTER TABLE "review_policy" ADD COLUMN "reading_age_targets_tips" numeric DEFAULT 11;
  ALTER TABLE "review_policy" ADD COLUMN "reading_age_targets_warnings" numeric DEFAULT 11;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answered_by_id_reviews_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."reviews"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_acted_on_by_id_users_id_fk" FOREIGN KEY ("acted_on_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "review_policy_blocking_checks" ADD CONSTRAINT "review_policy_blocking_checks_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."review_policy"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sources_link_checked_at_idx" ON "sources" USING btree ("link_checked_at");
  CREATE INDEX "sources_updated_at_idx" ON "sources" USING btree ("updated_at");
  CREATE INDEX "sources_created_at_idx" ON "sources" USING btree ("created_at");
  CREATE INDEX "feedback_article_idx" ON "feedback" USING btree ("article_id");
  CREATE INDEX "feedback_submitted_at_idx" ON "feedback" USING btree ("submitted_at");
  CREATE INDEX "feedback_status_idx" ON "feedback" USING btree ("status");
  CREATE INDEX "feedback_answered_by_idx" ON "feedback" USING btree ("answered_by_id");
  CREATE INDEX "feedback_acted_on_by_idx" ON "feedback" USING btree ("acted_on_by_id");
  CREATE INDEX "feedback_updated_at_idx" ON "feedback" USING btree ("updated_at");
  CREATE INDEX "feedback_created_at_idx" ON "feedback" USING btree ("created_at");
  CREATE INDEX "status_submittedAt_idx" ON "feedback" USING btree ("status","submitted_at");
  CREATE INDEX "disclosures_person_idx" ON "disclosures" USING btree ("person_id");
  CREATE INDEX "disclosures_declared_at_idx" ON "disclosures" USING btree ("declared_at");
  CREATE INDEX "disclosures_recorded_by_idx" ON "disclosures" USING btree ("recorded_by_id");
  CREATE INDEX "disclosures_updated_at_idx" ON "disclosures" USING btree ("updated_at");
  CREATE INDEX "disclosures_created_at_idx" ON "disclosures" USING btree ("created_at");
  CREATE INDEX "person_declaredAt_idx" ON "disclosures" USING btree ("person_id","declared_at");
  CREATE INDEX "review_policy_blocking_checks_order_idx" ON "review_policy_blocking_checks" USING btree ("order");
  CREATE INDEX "review_policy_blocking_checks_parent_idx" ON "review_policy_blocking_checks" USING btree ("parent_id");
  ALTER TABLE "articles_references" ADD CONSTRAINT "articles_references_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_references" ADD CONSTRAINT "_articles_v_version_references_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_replacement_id_articles_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feedback_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclosures_fk" FOREIGN KEY ("disclosures_id") REFERENCES "public"."disclosures"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_references_source_idx" ON "articles_references" USING btree ("source_id");
  CREATE INDEX "_articles_v_version_references_source_idx" ON "_articles_v_version_references" USING btree ("source_id");
  CREATE INDEX "reviews_replacement_idx" ON "reviews" USING btree ("replacement_id");
  CREATE UNIQUE INDEX "users_profile_slug_idx" ON "users" USING btree ("profile_slug");
  CREATE INDEX "payload_locked_documents_rels_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("sources_id");
  CREATE INDEX "payload_locked_documents_rels_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("feedback_id");
  CREATE INDEX "payload_locked_documents_rels_disclosures_id_idx" ON "payload_locked_documents_rels" USING btree ("disclosures_id");`)
  // Reader feedback is counted per source address (a keyed hash) in a shared table: src/feedback/throttle.ts.
  await db.execute(sql`
  CREATE TABLE "feedback_throttle" (
    "source_key" varchar PRIMARY KEY NOT NULL,
    "sent" integer NOT NULL,
    "window_started_at" timestamp(3) with time zone NOT NULL
  );`)
  // The evidence library starts with the references articles already cite, each once. Only the
  // current rows are linked: the version tables hold what was signed, and stay as they are.
  await db.execute(sql`
  INSERT INTO "sources" ("title", "publisher", "year", "url", "link_status")
  SELECT DISTINCT ON ("title", coalesce("publisher", ''), coalesce("year", 0), coalesce("url", '')) "title", "publisher", "year", "url", 'unchecked'
  FROM "articles_references" ORDER BY "title", coalesce("publisher", ''), coalesce("year", 0), coalesce("url", ''), "id";
  UPDATE "articles_references" r SET "source_id" = s."id" FROM "sources" s
  WHERE s."title" = r."title" AND s."publisher" IS NOT DISTINCT FROM r."publisher" AND s."year" IS NOT DISTINCT FROM r."year" AND s."url" IS NOT DISTINCT FROM r."url";`)
  // Public profile addresses, made as the users collection makes them.
  const people = await db.execute(sql`SELECT "id", "display_name" FROM "users"`)
  for (const person of people.rows as { id: number; display_name: string }[]) {
    await db.execute(sql`UPDATE "users" SET "profile_slug" = ${profileSlug(person.display_name)} WHERE "id" = ${person.id}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE "feedback_throttle";`)
  await db.execute(sql`
   ALTER TABLE "sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feedback" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disclosures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "review_policy_blocking_checks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sources" CASCADE;
  DROP TABLE "feedback" CASCADE;
  DROP TABLE "disclosures" CASCADE;
  DROP TABLE "review_policy_blocking_checks" CASCADE;
  ALTER TABLE "articles_references" DROP CONSTRAINT "articles_references_source_id_sources_id_fk";
  
  ALTER TABLE "_articles_v_version_references" DROP CONSTRAINT "_articles_v_version_references_source_id_sources_id_fk";
  
  ALTER TABLE "reviews" DROP CONSTRAINT "reviews_replacement_id_articles_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sources_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feedback_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_disclosures_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications', 'retireOnSchedule', 'goLiveOnSchedule');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications', 'retireOnSchedule', 'goLiveOnSchedule');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_references_source_idx";
  DROP INDEX "_articles_v_version_references_source_idx";
  DROP INDEX "reviews_replacement_idx";
  DROP INDEX "users_profile_slug_idx";
  DROP INDEX "payload_locked_documents_rels_sources_id_idx";
  DROP INDEX "payload_locked_documents_rels_feedback_id_idx";
  DROP INDEX "payload_locked_documents_rels_disclosures_id_idx";
  ALTER TABLE "articles_references" DROP COLUMN "source_id";
  ALTER TABLE "articles_references" DROP COLUMN "section";
  ALTER TABLE "articles_references" DROP COLUMN "authors";
  ALTER TABLE "articles_references" DROP COLUMN "type";
  ALTER TABLE "articles_references" DROP COLUMN "doi";
  ALTER TABLE "articles_references" DROP COLUMN "pmid";
  ALTER TABLE "articles_references" DROP COLUMN "accessed_at";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "source_id";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "section";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "authors";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "type";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "doi";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "pmid";
  ALTER TABLE "_articles_v_version_references" DROP COLUMN "accessed_at";
  ALTER TABLE "reviews" DROP COLUMN "evidence";
  ALTER TABLE "reviews" DROP COLUMN "disclosures";
  ALTER TABLE "reviews" DROP COLUMN "plain_language";
  ALTER TABLE "reviews" DROP COLUMN "replacement_id";
  ALTER TABLE "users" DROP COLUMN "profile_slug";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sources_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feedback_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "disclosures_id";
  ALTER TABLE "review_policy" DROP COLUMN "source_max_age_guideline";
  ALTER TABLE "review_policy" DROP COLUMN "source_max_age_systematic_review";
  ALTER TABLE "review_policy" DROP COLUMN "source_max_age_trial";
  ALTER TABLE "review_policy" DROP COLUMN "source_max_age_expert_opinion";
  ALTER TABLE "review_policy" DROP COLUMN "source_max_age_patient_information";
  ALTER TABLE "review_policy" DROP COLUMN "reading_age_targets_articles";
  ALTER TABLE "review_policy" DROP COLUMN "reading_age_targets_tips";
  ALTER TABLE "review_policy" DROP COLUMN "reading_age_targets_warnings";
  DROP TYPE "public"."enum_articles_references_type";
  DROP TYPE "public"."enum__articles_v_version_references_type";
  DROP TYPE "public"."enum_sources_type";
  DROP TYPE "public"."enum_sources_link_status";
  DROP TYPE "public"."enum_feedback_problem";
  DROP TYPE "public"."enum_feedback_status";
  DROP TYPE "public"."enum_disclosures_kind";
  DROP TYPE "public"."enum_review_policy_blocking_checks";`)
}
