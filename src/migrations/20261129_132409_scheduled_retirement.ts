import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retireOnSchedule';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retireOnSchedule';
  ALTER TABLE "workflow" ADD COLUMN "retire_at" timestamp(3) with time zone;
  ALTER TABLE "workflow" ADD COLUMN "retire_comment" varchar;
  ALTER TABLE "workflow" ADD COLUMN "retire_scheduled_by_id" integer;
  ALTER TABLE "workflow" ADD CONSTRAINT "workflow_retire_scheduled_by_id_users_id_fk" FOREIGN KEY ("retire_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "workflow_retire_at_idx" ON "workflow" USING btree ("retire_at");
  CREATE INDEX "workflow_retire_scheduled_by_idx" ON "workflow" USING btree ("retire_scheduled_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow" DROP CONSTRAINT "workflow_retire_scheduled_by_id_users_id_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'dailyNotifications');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "workflow_retire_at_idx";
  DROP INDEX "workflow_retire_scheduled_by_idx";
  ALTER TABLE "workflow" DROP COLUMN "retire_at";
  ALTER TABLE "workflow" DROP COLUMN "retire_comment";
  ALTER TABLE "workflow" DROP COLUMN "retire_scheduled_by_id";`)
}
