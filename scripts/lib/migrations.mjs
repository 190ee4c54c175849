// Applies migrations and checks that they are all recorded. `payload migrate` has
// been seen (rarely, in CI) to exit 0 having done nothing; a silent no-op must not
// pass for a migrated database, so it is retried and then reported.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { projectRoot, run } from './run.mjs'

function expectedMigrations() {
  return readdirSync(path.join(projectRoot, 'src/migrations')).filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file)).length
}

async function appliedMigrations(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`select count(*)::int as n from payload_migrations where batch > 0`)
    return rows[0].n
  } catch {
    return 0
  } finally {
    await client.end().catch(() => {})
  }
}

export async function migrate(env) {
  const expected = expectedMigrations()
  for (let attempt = 1; attempt <= 3; attempt++) {
    const code = await run('payload', ['migrate'], { env })
    if (code !== 0) return code
    const applied = await appliedMigrations(env.DATABASE_URL)
    if (applied >= expected) return 0
    console.error(`vetted: payload migrate left ${applied} of ${expected} migrations applied (attempt ${attempt}); retrying`)
  }
  console.error('vetted: migrations could not be applied; see the output above.')
  return 1
}
