import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'
import { displayNameKey } from '../accounts/display-name'

// Display names are compared by what a reader sees now (src/accounts/display-name.ts: NFKC,
// invisible characters dropped, the TR39 skeleton), so every stored key is made again. Two
// existing people whose names now look the same keep both accounts: the later gets its id
// appended to the key, as when the keys were first made, and the migration names both. Profile
// addresses are made from the readable fold, which did not change: none moves.
export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  const { rows } = (await db.execute(sql`select id, display_name from users order by id`)) as unknown as {
    rows: { id: number; display_name: string | null }[]
  }
  // Cleared first: a key made now may equal another person's key of the old fold, not yet made again.
  await db.execute(sql`update users set display_name_key = null`)
  const holder = new Map<string, number>()
  for (const row of rows) {
    let key = displayNameKey(row.display_name ?? '')
    const earlier = holder.get(key)
    if (earlier !== undefined) {
      payload.logger.warn(`vetted: people ${earlier} and ${row.id} have display names that look the same; an admin should tell them apart.`)
      key = `${key} ${row.id}`
    }
    holder.set(key, row.id)
    await db.execute(sql`update users set display_name_key = ${key} where id = ${row.id}`)
  }
}

// The earlier keys are not kept; the next save of each name makes its key again.
export async function down(_: MigrateDownArgs): Promise<void> {}
