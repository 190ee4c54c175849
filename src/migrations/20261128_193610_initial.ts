import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_audience" AS ENUM('patient', 'caregiver', 'clinician');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_audience" AS ENUM('patient', 'caregiver', 'clinician');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_tips_category" AS ENUM('posture', 'rest', 'exercise', 'massage', 'support', 'footwear', 'nutrition', 'weight', 'safety');
  CREATE TYPE "public"."enum_tips_stage" AS ENUM('any', 'first-trimester', 'second-trimester', 'third-trimester', 'throughout');
  CREATE TYPE "public"."enum_tips_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__tips_v_version_category" AS ENUM('posture', 'rest', 'exercise', 'massage', 'support', 'footwear', 'nutrition', 'weight', 'safety');
  CREATE TYPE "public"."enum__tips_v_version_stage" AS ENUM('any', 'first-trimester', 'second-trimester', 'third-trimester', 'throughout');
  CREATE TYPE "public"."enum__tips_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_warnings_severity" AS ENUM('emergency', 'urgent', 'caution');
  CREATE TYPE "public"."enum_warnings_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__warnings_v_version_severity" AS ENUM('emergency', 'urgent', 'caution');
  CREATE TYPE "public"."enum__warnings_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_reviews_document_collection" AS ENUM('articles', 'tips', 'warnings');
  CREATE TYPE "public"."enum_reviews_decision" AS ENUM('approved', 'changes_requested', 'retired');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TABLE "articles_references" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"year" numeric,
  	"url" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"topic" varchar,
  	"audience" "enum_articles_audience" DEFAULT 'patient',
  	"release_date" timestamp(3) with time zone,
  	"body" jsonb,
  	"disclaimer" varchar DEFAULT 'This information is for reference only and does not replace advice from a licensed medical professional.',
  	"review_reviewed_by_id" integer,
  	"review_last_reviewed_at" timestamp(3) with time zone,
  	"review_next_review_due" timestamp(3) with time zone,
  	"review_approved_version" varchar,
  	"review_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"warnings_id" integer,
  	"tips_id" integer
  );
  
  CREATE TABLE "_articles_v_version_references" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"year" numeric,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_topic" varchar,
  	"version_audience" "enum__articles_v_version_audience" DEFAULT 'patient',
  	"version_release_date" timestamp(3) with time zone,
  	"version_body" jsonb,
  	"version_disclaimer" varchar DEFAULT 'This information is for reference only and does not replace advice from a licensed medical professional.',
  	"version_review_reviewed_by_id" integer,
  	"version_review_last_reviewed_at" timestamp(3) with time zone,
  	"version_review_next_review_due" timestamp(3) with time zone,
  	"version_review_approved_version" varchar,
  	"version_review_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"warnings_id" integer,
  	"tips_id" integer
  );
  
  CREATE TABLE "tips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"body" varchar,
  	"category" "enum_tips_category",
  	"stage" "enum_tips_stage" DEFAULT 'any',
  	"review_reviewed_by_id" integer,
  	"review_last_reviewed_at" timestamp(3) with time zone,
  	"review_next_review_due" timestamp(3) with time zone,
  	"review_approved_version" varchar,
  	"review_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_tips_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_tips_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_body" varchar,
  	"version_category" "enum__tips_v_version_category",
  	"version_stage" "enum__tips_v_version_stage" DEFAULT 'any',
  	"version_review_reviewed_by_id" integer,
  	"version_review_last_reviewed_at" timestamp(3) with time zone,
  	"version_review_next_review_due" timestamp(3) with time zone,
  	"version_review_approved_version" varchar,
  	"version_review_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__tips_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "warnings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"severity" "enum_warnings_severity",
  	"symptoms" varchar,
  	"action" varchar,
  	"review_reviewed_by_id" integer,
  	"review_last_reviewed_at" timestamp(3) with time zone,
  	"review_next_review_due" timestamp(3) with time zone,
  	"review_approved_version" varchar,
  	"review_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_warnings_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_warnings_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_severity" "enum__warnings_v_version_severity",
  	"version_symptoms" varchar,
  	"version_action" varchar,
  	"version_review_reviewed_by_id" integer,
  	"version_review_last_reviewed_at" timestamp(3) with time zone,
  	"version_review_next_review_due" timestamp(3) with time zone,
  	"version_review_approved_version" varchar,
  	"version_review_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__warnings_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_collection" "enum_reviews_document_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"document_title" varchar,
  	"version_id" varchar NOT NULL,
  	"content_hash" varchar NOT NULL,
  	"decision" "enum_reviews_decision" NOT NULL,
  	"comment" varchar,
  	"reviewer_id" integer NOT NULL,
  	"reviewer_name" varchar NOT NULL,
  	"reviewer_credentials" varchar,
  	"decided_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"display_name" varchar NOT NULL,
  	"credentials" varchar,
  	"bio" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"tips_id" integer,
  	"warnings_id" integer,
  	"reviews_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles_references" ADD CONSTRAINT "articles_references_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_warnings_fk" FOREIGN KEY ("warnings_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_references" ADD CONSTRAINT "_articles_v_version_references_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_warnings_fk" FOREIGN KEY ("warnings_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tips" ADD CONSTRAINT "tips_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_tips_v" ADD CONSTRAINT "_tips_v_parent_id_tips_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tips"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_tips_v" ADD CONSTRAINT "_tips_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "warnings" ADD CONSTRAINT "warnings_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_warnings_v" ADD CONSTRAINT "_warnings_v_parent_id_warnings_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."warnings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_warnings_v" ADD CONSTRAINT "_warnings_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_texts" ADD CONSTRAINT "users_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_warnings_fk" FOREIGN KEY ("warnings_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reviews_fk" FOREIGN KEY ("reviews_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_references_order_idx" ON "articles_references" USING btree ("_order");
  CREATE INDEX "articles_references_parent_id_idx" ON "articles_references" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_topic_idx" ON "articles" USING btree ("topic");
  CREATE INDEX "articles_review_review_reviewed_by_idx" ON "articles" USING btree ("review_reviewed_by_id");
  CREATE INDEX "articles_review_review_next_review_due_idx" ON "articles" USING btree ("review_next_review_due");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_warnings_id_idx" ON "articles_rels" USING btree ("warnings_id");
  CREATE INDEX "articles_rels_tips_id_idx" ON "articles_rels" USING btree ("tips_id");
  CREATE INDEX "_articles_v_version_references_order_idx" ON "_articles_v_version_references" USING btree ("_order");
  CREATE INDEX "_articles_v_version_references_parent_id_idx" ON "_articles_v_version_references" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_topic_idx" ON "_articles_v" USING btree ("version_topic");
  CREATE INDEX "_articles_v_version_review_version_review_reviewed_by_idx" ON "_articles_v" USING btree ("version_review_reviewed_by_id");
  CREATE INDEX "_articles_v_version_review_version_review_next_review_du_idx" ON "_articles_v" USING btree ("version_review_next_review_due");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_warnings_id_idx" ON "_articles_v_rels" USING btree ("warnings_id");
  CREATE INDEX "_articles_v_rels_tips_id_idx" ON "_articles_v_rels" USING btree ("tips_id");
  CREATE UNIQUE INDEX "tips_slug_idx" ON "tips" USING btree ("slug");
  CREATE INDEX "tips_review_review_reviewed_by_idx" ON "tips" USING btree ("review_reviewed_by_id");
  CREATE INDEX "tips_review_review_next_review_due_idx" ON "tips" USING btree ("review_next_review_due");
  CREATE INDEX "tips_updated_at_idx" ON "tips" USING btree ("updated_at");
  CREATE INDEX "tips_created_at_idx" ON "tips" USING btree ("created_at");
  CREATE INDEX "tips__status_idx" ON "tips" USING btree ("_status");
  CREATE INDEX "_tips_v_parent_idx" ON "_tips_v" USING btree ("parent_id");
  CREATE INDEX "_tips_v_version_version_slug_idx" ON "_tips_v" USING btree ("version_slug");
  CREATE INDEX "_tips_v_version_review_version_review_reviewed_by_idx" ON "_tips_v" USING btree ("version_review_reviewed_by_id");
  CREATE INDEX "_tips_v_version_review_version_review_next_review_due_idx" ON "_tips_v" USING btree ("version_review_next_review_due");
  CREATE INDEX "_tips_v_version_version_updated_at_idx" ON "_tips_v" USING btree ("version_updated_at");
  CREATE INDEX "_tips_v_version_version_created_at_idx" ON "_tips_v" USING btree ("version_created_at");
  CREATE INDEX "_tips_v_version_version__status_idx" ON "_tips_v" USING btree ("version__status");
  CREATE INDEX "_tips_v_created_at_idx" ON "_tips_v" USING btree ("created_at");
  CREATE INDEX "_tips_v_updated_at_idx" ON "_tips_v" USING btree ("updated_at");
  CREATE INDEX "_tips_v_latest_idx" ON "_tips_v" USING btree ("latest");
  CREATE UNIQUE INDEX "warnings_slug_idx" ON "warnings" USING btree ("slug");
  CREATE INDEX "warnings_review_review_reviewed_by_idx" ON "warnings" USING btree ("review_reviewed_by_id");
  CREATE INDEX "warnings_review_review_next_review_due_idx" ON "warnings" USING btree ("review_next_review_due");
  CREATE INDEX "warnings_updated_at_idx" ON "warnings" USING btree ("updated_at");
  CREATE INDEX "warnings_created_at_idx" ON "warnings" USING btree ("created_at");
  CREATE INDEX "warnings__status_idx" ON "warnings" USING btree ("_status");
  CREATE INDEX "_warnings_v_parent_idx" ON "_warnings_v" USING btree ("parent_id");
  CREATE INDEX "_warnings_v_version_version_slug_idx" ON "_warnings_v" USING btree ("version_slug");
  CREATE INDEX "_warnings_v_version_review_version_review_reviewed_by_idx" ON "_warnings_v" USING btree ("version_review_reviewed_by_id");
  CREATE INDEX "_warnings_v_version_review_version_review_next_review_du_idx" ON "_warnings_v" USING btree ("version_review_next_review_due");
  CREATE INDEX "_warnings_v_version_version_updated_at_idx" ON "_warnings_v" USING btree ("version_updated_at");
  CREATE INDEX "_warnings_v_version_version_created_at_idx" ON "_warnings_v" USING btree ("version_created_at");
  CREATE INDEX "_warnings_v_version_version__status_idx" ON "_warnings_v" USING btree ("version__status");
  CREATE INDEX "_warnings_v_created_at_idx" ON "_warnings_v" USING btree ("created_at");
  CREATE INDEX "_warnings_v_updated_at_idx" ON "_warnings_v" USING btree ("updated_at");
  CREATE INDEX "_warnings_v_latest_idx" ON "_warnings_v" USING btree ("latest");
  CREATE INDEX "reviews_document_collection_idx" ON "reviews" USING btree ("document_collection");
  CREATE INDEX "reviews_document_id_idx" ON "reviews" USING btree ("document_id");
  CREATE INDEX "reviews_version_id_idx" ON "reviews" USING btree ("version_id");
  CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id");
  CREATE INDEX "reviews_decided_at_idx" ON "reviews" USING btree ("decided_at");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "users_texts_order_parent" ON "users_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_tips_id_idx" ON "payload_locked_documents_rels" USING btree ("tips_id");
  CREATE INDEX "payload_locked_documents_rels_warnings_id_idx" ON "payload_locked_documents_rels" USING btree ("warnings_id");
  CREATE INDEX "payload_locked_documents_rels_reviews_id_idx" ON "payload_locked_documents_rels" USING btree ("reviews_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_references" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_references" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "tips" CASCADE;
  DROP TABLE "_tips_v" CASCADE;
  DROP TABLE "warnings" CASCADE;
  DROP TABLE "_warnings_v" CASCADE;
  DROP TABLE "reviews" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_texts" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_articles_audience";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_audience";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_tips_category";
  DROP TYPE "public"."enum_tips_stage";
  DROP TYPE "public"."enum_tips_status";
  DROP TYPE "public"."enum__tips_v_version_category";
  DROP TYPE "public"."enum__tips_v_version_stage";
  DROP TYPE "public"."enum__tips_v_version_status";
  DROP TYPE "public"."enum_warnings_severity";
  DROP TYPE "public"."enum_warnings_status";
  DROP TYPE "public"."enum__warnings_v_version_severity";
  DROP TYPE "public"."enum__warnings_v_version_status";
  DROP TYPE "public"."enum_reviews_document_collection";
  DROP TYPE "public"."enum_reviews_decision";
  DROP TYPE "public"."enum_users_roles";`)
}
