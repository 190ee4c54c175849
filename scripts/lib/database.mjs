// Gives a command a PostgreSQL to talk to: the one named by DATABASE_URL, or the project's own
// embedded PostgreSQL (embedded-postgres.mjs). Either way the same engine, with transactions.
import pg from 'pg'
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres.mjs'

export class DatabaseUnavailableError extends Error {}

/** postgres://user:secret@host/db -> postgres://user:***@host/db */
export function redactUrl(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

/** Fails with one clear sentence when the URL is malformed or the server cannot be reached. */
export async function checkDatabase(url, { timeoutMs = 5000 } = {}) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).`)
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new DatabaseUnavailableError(`DATABASE_URL must start with postgres:// or postgresql://, got "${parsed.protocol}//".`)
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    const reason = error?.code ? `${error.code}: ${error.message}` : String(error?.message ?? error)
    throw new DatabaseUnavailableError(`Cannot reach the database at ${redactUrl(url)} (${reason}).`)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Where `npm run dev`, `npm start` and the other commands keep the embedded database. */
export const embeddedDataDir = (env = process.env) => env.VETTED_POSTGRES_DIR || '.data/postgres'

/**
 * The database for a command: DATABASE_URL when set (checked), else the embedded PostgreSQL,
 * kept in `dataDir`, or a throwaway one when `throwaway` is set (the test suite).
 * Returns the environment to hand to child processes and a stop function.
 */
export async function provideDatabase({ throwaway = false, log } = {}) {
  const given = process.env.DATABASE_URL
  if (given) {
    await checkDatabase(given)
    return { env: { DATABASE_URL: given }, stop: async () => {}, embedded: false }
  }
  try {
    const server = await startEmbeddedPostgres({ dataDir: throwaway ? undefined : embeddedDataDir(), log })
    return { env: { DATABASE_URL: server.url }, stop: server.stop, embedded: true }
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw new DatabaseUnavailableError(`cannot start the embedded PostgreSQL: ${error.message}`)
    throw error
  }
}
