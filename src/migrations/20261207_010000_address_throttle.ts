import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Reader feedback's count of posts per source address becomes the count of every kind of
// request limited per address (feedback, password reset requests). Its keys already name
// their kind ("feedback:<address>", hashed), so the counts running now carry over.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "feedback_throttle" RENAME TO "address_throttle";
  ALTER TABLE "address_throttle" RENAME COLUMN "sent" TO "requests";
  ALTER INDEX IF EXISTS "feedback_throttle_pkey" RENAME TO "address_throttle_pkey";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER INDEX IF EXISTS "address_throttle_pkey" RENAME TO "feedback_throttle_pkey";
  ALTER TABLE "address_throttle" RENAME COLUMN "requests" TO "sent";
  ALTER TABLE "address_throttle" RENAME TO "feedback_throttle";`)
}
