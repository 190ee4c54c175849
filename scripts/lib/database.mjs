// Gives the app a PostgreSQL to talk to: the one named by DATABASE_URL, or an
// embedded PGlite served over the PostgreSQL wire protocol on a free loopback port.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

/** Connections the embedded server accepts; app pools must stay at or below it. */
export const EMBEDDED_MAX_CONNECTIONS = 32
/** Pool size per process on the embedded database (Payload keeps one client busy, so at least 2). */
export const EMBEDDED_POOL_MAX = 4

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
    throw new DatabaseUnavailableError(
      `DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).`,
    )
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new DatabaseUnavailableError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${parsed.protocol}//".`,
    )
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

/**
 * Starts PGlite on a free loopback port. `dataDir` is a folder (kept between runs)
 * or 'memory://' for a throwaway database.
 */
export async function startEmbeddedDatabase({ dataDir, log = console.log } = {}) {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ])
  const location = dataDir ?? path.resolve('.data/pglite')
  if (!location.startsWith('memory://')) mkdirSync(location, { recursive: true })
  const db = await PGlite.create(location)
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  })
  await server.start()
  const port = Number(server.getServerConn().split(':').pop())
  const url = `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`
  log(`Embedded PostgreSQL (PGlite) at ${url}, data in ${location}`)
  let stopped = false
  return {
    url,
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop().catch(() => {})
      await db.close().catch(() => {})
    },
  }
}

/**
 * Resolves the database for a command: DATABASE_URL when set (checked), else embedded.
 * Returns the environment to hand to child processes and a stop function.
 */
export async function provideDatabase({ dataDir, log } = {}) {
  const given = process.env.DATABASE_URL
  if (given) {
    await checkDatabase(given)
    return { env: { DATABASE_URL: given }, stop: async () => {}, embedded: false }
  }
  const embedded = await startEmbeddedDatabase({ dataDir, log })
  return {
    env: {
      DATABASE_URL: embedded.url,
      DATABASE_POOL_MAX: String(EMBEDDED_POOL_MAX),
      VETTED_EMBEDDED_DB: '1',
    },
    stop: embedded.stop,
    embedded: true,
  }
}
