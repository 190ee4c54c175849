// A private, throwaway PostgreSQL 15 primary with a streaming read replica, on free loopback
// ports, data under a fresh temp dir: for tests of several app instances reading from a replica
// that lags. The machine's own cluster (127.0.0.1:5432) is neither used nor touched.
import { spawn, spawnSync } from 'node:child_process'
import { chownSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../../scripts/lib/ports.mjs'

export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin'

export type PgCluster = {
  /** postgres://postgres@127.0.0.1:<port>/<database> on the primary. */
  primaryUrl: string
  /** The same database on the replica (read-only). */
  replicaUrl: string
  /** The temp dir holding both data directories, the logs and the sockets; gone after stop(). */
  dir: string
  /** Pauses WAL replay on the replica; resolves once the replica reports it paused. */
  pauseReplay(): Promise<void>
  resumeReplay(): Promise<void>
  /** pg_last_wal_replay_lsn() on the replica. */
  replayLsn(): Promise<string>
  /** Waits until the replica has replayed the primary's WAL as of this call. */
  waitForReplay(timeoutMs?: number): Promise<void>
  /** Fast shutdown of both servers, then removes the temp dir; safe to call twice. */
  stop(): Promise<void>
}

const asRoot = process.getuid?.() === 0

/** argv for a PostgreSQL program, run as the postgres user when we are root (initdb and postgres refuse root). */
const command = (program: string, args: string[]) => {
  const argv = [join(PG_BIN, program), ...args]
  return asRoot ? ['runuser', '-u', 'postgres', '--', ...argv] : argv
}

function run(program: string, args: string[], cwd: string): Promise<string> {
  const [file, ...argv] = command(program, args)
  return new Promise((resolve, reject) => {
    const child = spawn(file!, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (data) => (output += data))
    child.stderr.on('data', (data) => (output += data))
    child.once('error', reject)
    child.once('close', (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${program} ${args.join(' ')} failed (exit ${code}):\n${output.trim()}`))
    })
  })
}

const logTail = (file: string, lines = 30) => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    return (await client.query<Row>(sql, values)).rows
  } finally {
    await client.end().catch(() => {})
  }
}

/** pg_current_wal_lsn() on a primary. */
export async function primaryWalLsn(url: string): Promise<string> {
  const [row] = await query<{ lsn: string }>(url, 'select pg_current_wal_lsn()::text as lsn')
  return row!.lsn
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const user = { uid: id('-u'), gid: id('-g') }
  if (!Number.isInteger(user.uid) || !user.uid)
    throw new Error('Running as root but there is no postgres user: apt-get install -y postgresql-15.')
  return user
}

// Appended to postgresql.conf; the replica inherits it through the base backup and overrides the port.
const settings = (dir: string, port: number) => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
wal_level = replica
max_wal_senders = 5
hot_standby = on
fsync = off
shared_buffers = 32MB
max_connections = 200
`

const HBA = `local all all trust
local replication all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
`

export async function startPgCluster(options: { database?: string } = {}): Promise<PgCluster> {
  if (!existsSync(join(PG_BIN, 'pg_basebackup')) || !existsSync(join(PG_BIN, 'postgres'))) {
    throw new Error(`No PostgreSQL 15 server programs in ${PG_BIN}: apt-get install -y postgresql-15 (or set PG_BIN).`)
  }
  const database = options.database ?? 'vetted'
  const dir = await mkdtemp(join(tmpdir(), 'vetted-pg-'))
  if (asRoot) {
    const { uid, gid } = postgresUser()
    chownSync(dir, uid, gid)
  }
  const primaryDir = join(dir, 'primary')
  const replicaDir = join(dir, 'replica')
  const primaryLog = join(dir, 'primary.log')
  const replicaLog = join(dir, 'replica.log')
  const url = (port: number, db = database) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(db)}`

  const startServer = async (dataDir: string, logFile: string) => {
    try {
      await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], dir)
    } catch (error) {
      throw new Error(`${(error as Error).message}\nServer log (${logFile}):\n${logTail(logFile)}`, { cause: error })
    }
  }

  // Synchronous, for process 'exit' and failed starts: no graceful shutdown needed for throwaway data.
  const killNow = () => {
    for (const dataDir of [replicaDir, primaryDir]) {
      if (!existsSync(join(dataDir, 'postmaster.pid'))) continue
      const [file, ...argv] = command('pg_ctl', ['-D', dataDir, '-w', 'stop', '-m', 'immediate'])
      spawnSync(file!, argv, { cwd: dir, stdio: 'ignore' })
    }
    rmSync(dir, { recursive: true, force: true })
  }
  process.on('exit', killNow)
  // 'exit' does not run when this process is killed: a detached watchdog then stops the servers.
  // It leaves by itself once stop() has removed the dir.
  const [runAs, ...pgCtl] = command('pg_ctl', [])
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 "$PARENT" 2>/dev/null && [ -d "$DIR" ]; do sleep 1; done
       [ -d "$DIR" ] || exit 0
       for d in replica primary; do [ -f "$DIR/$d/postmaster.pid" ] && "$@" -D "$DIR/$d" -w stop -m immediate; done
       rm -rf "$DIR"`,
      'pg-cluster-watchdog',
      runAs!,
      ...pgCtl,
    ],
    { cwd: dir, detached: true, stdio: 'ignore', env: { ...process.env, PARENT: String(process.pid), DIR: dir } },
  )
  watchdog.unref()

  try {
    const primaryPort = await freePort()
    await run(
      'initdb',
      ['-D', primaryDir, '--auth=trust', '-U', 'postgres', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C.UTF-8'],
      dir,
    )
    await appendFile(join(primaryDir, 'postgresql.conf'), settings(dir, primaryPort))
    await writeFile(join(primaryDir, 'pg_hba.conf'), HBA)
    await startServer(primaryDir, primaryLog)
    const primaryUrl = url(primaryPort)
    await query(url(primaryPort, 'postgres'), `create database "${database.replaceAll('"', '""')}"`)

    // -R writes standby.signal and primary_conninfo; the copied postgresql.conf keeps the primary's port, so override it.
    await run(
      'pg_basebackup',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
        '--no-sync',
      ],
      dir,
    )
    const replicaPort = await freePort()
    await appendFile(join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`)
    await startServer(replicaDir, replicaLog)
    const replicaUrl = url(replicaPort)
    const [recovery] = await query<{ standby: boolean }>(replicaUrl, 'select pg_is_in_recovery() as standby')
    if (!recovery?.standby) throw new Error(`The replica at ${replicaUrl} is not in recovery.\n${logTail(replicaLog)}`)

    let stopping: Promise<void> | undefined
    return {
      primaryUrl,
      replicaUrl,
      dir,
      async pauseReplay() {
        await query(replicaUrl, 'select pg_wal_replay_pause()')
        for (const deadline = Date.now() + 10_000; ; await sleep(10)) {
          const [row] = await query<{ state: string }>(replicaUrl, 'select pg_get_wal_replay_pause_state() as state')
          if (row?.state === 'paused') return
          if (Date.now() > deadline) throw new Error(`Replica replay did not pause (state: ${row?.state}).`)
        }
      },
      async resumeReplay() {
        await query(replicaUrl, 'select pg_wal_replay_resume()')
      },
      async replayLsn() {
        const [row] = await query<{ lsn: string }>(replicaUrl, 'select pg_last_wal_replay_lsn()::text as lsn')
        return row!.lsn
      },
      async waitForReplay(timeoutMs = 10_000) {
        const target = await primaryWalLsn(primaryUrl)
        const replica = new pg.Client({ connectionString: replicaUrl, connectionTimeoutMillis: 5000 })
        await replica.connect()
        try {
          for (const deadline = Date.now() + timeoutMs; ; await sleep(10)) {
            const { rows } = await replica.query<{ lsn: string; done: boolean; pause: string }>(
              `select pg_last_wal_replay_lsn()::text as lsn, pg_last_wal_replay_lsn() >= $1::pg_lsn as done,
                      pg_get_wal_replay_pause_state() as pause`,
              [target],
            )
            const row = rows[0]!
            if (row.done) return
            if (Date.now() > deadline) {
              throw new Error(`The replica replayed up to ${row.lsn}, not ${target}, within ${timeoutMs} ms (replay ${row.pause}).`)
            }
          }
        } finally {
          await replica.end().catch(() => {})
        }
      },
      stop() {
        stopping ??= (async () => {
          for (const dataDir of [replicaDir, primaryDir]) {
            // Fails when the server is already gone; the immediate stop below covers a stuck one.
            await run('pg_ctl', ['-D', dataDir, '-w', '-t', '30', 'stop', '-m', 'fast'], dir).catch(() => {})
          }
          process.off('exit', killNow)
          killNow()
        })()
        return stopping
      },
    }
  } catch (error) {
    process.off('exit', killNow)
    killNow()
    throw error
  }
}
