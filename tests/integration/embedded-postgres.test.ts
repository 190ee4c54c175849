// The embedded PostgreSQL that `npm run dev` and `npm test` use without DATABASE_URL
// (scripts/lib/embedded-postgres.mjs): the same engine as production, with transactions, kept
// to loopback and a password, and never left running or holding its folder.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { POSTGRES_MAJOR, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs'

const quiet = () => {}
const folders: string[] = []
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

const newFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'vetted-embedded-test-'))
  chmodSync(folder, 0o755) // as root, the server runs as "postgres", who must reach it
  folders.push(folder)
  return path.join(folder, 'postgres')
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text)).rows as T[]
  } finally {
    await client.end()
  }
}

/** A launcher in a process of its own, started and (later) killed without stopping its server. */
function launcherProcess(dataDir: string): Promise<{ url: string; kill: () => Promise<void> }> {
  const script = `import { startEmbeddedPostgres } from './scripts/lib/embedded-postgres.mjs'
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, log: () => {} })
    console.log(db.url)
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    const kill = async () => {
      child.kill('SIGKILL')
      await exited
    }
    child.stdout.once('data', (line) => resolve({ url: String(line).trim(), kill }))
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)))
  })
}

describe('the embedded PostgreSQL', () => {
  it(`is PostgreSQL ${POSTGRES_MAJOR} with real transactions: a row lock holds across sessions`, async () => {
    const db = await startEmbeddedPostgres({ log: quiet })
    try {
      const [{ server_version: version }] = (await query<{ server_version: string }>(db.url, 'show server_version')) as [
        { server_version: string },
      ]
      expect(version.split('.')[0]).toBe(POSTGRES_MAJOR)
      await query(db.url, 'create table t (id int primary key); insert into t values (1)')
      const holder = new pg.Client({ connectionString: db.url })
      await holder.connect()
      await holder.query('begin')
      await holder.query('select id from t where id = 1 for update')
      await expect(query(db.url, 'select id from t where id = 1 for update nowait')).rejects.toMatchObject({ code: '55P03' })
      await holder.query('rollback')
      await holder.end()
    } finally {
      await db.stop()
    }
  })

  it('listens on loopback only, asks for its password, and a throwaway one leaves nothing behind', async () => {
    const db = await startEmbeddedPostgres({ log: quiet })
    const url = new URL(db.url)
    try {
      expect(url.hostname).toBe('127.0.0.1')
      const [{ listen_addresses: listening }] = (await query<{ listen_addresses: string }>(db.url, 'show listen_addresses')) as [
        { listen_addresses: string },
      ]
      expect(listening).toBe('127.0.0.1')
      const withoutPassword = new URL(db.url)
      withoutPassword.password = ''
      await expect(query(withoutPassword.toString(), 'select 1')).rejects.toThrow()
      const [{ data_directory: data }] = (await query<{ data_directory: string }>(db.url, 'show data_directory')) as [
        { data_directory: string },
      ]
      expect(existsSync(data)).toBe(true)
      await db.stop()
      expect(existsSync(data)).toBe(false)
    } finally {
      await db.stop()
    }
  })

  it('keeps a data folder between runs, with its password readable by its owner only', async () => {
    const dataDir = newFolder()
    const first = await startEmbeddedPostgres({ dataDir, log: quiet })
    await query(first.url, 'create table kept (note text); insert into kept values ($$still here$$)')
    await first.stop()
    expect(statSync(path.join(dataDir, 'password')).mode & 0o077).toBe(0)
    const second = await startEmbeddedPostgres({ dataDir, log: quiet })
    try {
      expect(await query(second.url, 'select note from kept')).toEqual([{ note: 'still here' }])
    } finally {
      await second.stop()
    }
  })

  it('takes over a server whose launcher was killed, and refuses one whose launcher still runs', async () => {
    const dataDir = newFolder()
    const running = await launcherProcess(dataDir)
    await expect(startEmbeddedPostgres({ dataDir, log: quiet })).rejects.toThrow(/in use by another command/)
    await running.kill()
    const next = await startEmbeddedPostgres({ dataDir, log: quiet })
    try {
      expect(await query(next.url, 'select 1 as one')).toEqual([{ one: 1 }])
      await expect(query(running.url, 'select 1')).rejects.toThrow()
    } finally {
      await next.stop()
    }
  }, 60_000)
})
