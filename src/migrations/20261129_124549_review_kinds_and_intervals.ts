import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__articles_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_tips_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__tips_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_warnings_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum__warnings_v_version_review_review_kind" AS ENUM('full', 'minor');
  CREATE TYPE "public"."enum_reviews_review_kind" AS ENUM('full', 'minor');
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
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_articles" numeric DEFAULT 12;
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_tips" numeric DEFAULT 12;
  ALTER TABLE "review_policy" ADD COLUMN "review_intervals_warnings" numeric DEFAULT 12;`)
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
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_articles";
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_tips";
  ALTER TABLE "review_policy" DROP COLUMN "review_intervals_warnings";
  DROP TYPE "public"."enum_articles_review_review_kind";
  DROP TYPE "public"."enum__articles_v_version_review_review_kind";
  DROP TYPE "public"."enum_tips_review_review_kind";
  DROP TYPE "public"."enum__tips_v_version_review_review_kind";
  DROP TYPE "public"."enum_warnings_review_review_kind";
  DROP TYPE "public"."enum__warnings_v_version_review_review_kind";
  DROP TYPE "public"."enum_reviews_review_kind";`)
}
