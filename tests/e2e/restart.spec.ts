// Restarts. Next.js keeps its data cache on disk across restarts: a restarted server must answer
// from the database it runs on, never from what an earlier process cached (after a restore from
// backup, or a new DATABASE_URL, old cache entries would show content that database lacks). And
// `npm start` starts the server again when its process dies.
import { type ChildProcess, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { Api, article, unique } from './support/api'
import { type AppServer, startAppServer } from './support/app-server'
import { freePort } from '../../scripts/lib/ports.mjs'

test.describe.configure({ mode: 'serial' })

let port = 0
let second = ''
test.beforeAll(async () => {
  port = await freePort()
  second = `http://127.0.0.1:${port}`
})

const startServer = () => startAppServer({}, port)
const stopServer = (server: AppServer) => server.stop()

const page = async (path: string) => (await fetch(`${second}${path}`)).text()

test('a restarted server does not serve what an earlier process cached', async ({ request }) => {
  // npm test (and npm run test:e2e) hand every step the database address, embedded or not.
  const databaseUrl = process.env.DATABASE_URL
  expect(databaseUrl, 'DATABASE_URL: the database to change behind the app').toBeTruthy()
  test.setTimeout(120_000)
  const marker = unique('restart')
  const id = await new Api(request).publish('articles', article(marker, { topic: marker }))

  let server = await startServer()
  try {
    for (const path of ['/', '/sitemap.xml', `/articles/${marker.toLowerCase()}`]) expect(await page(path)).toContain(marker.toLowerCase())
  } finally {
    await stopServer(server)
  }
  // As if the database were restored from a backup taken before this article was approved.
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  await db.query(`update articles set _status = 'draft' where id = $1`, [id])
  await db.end()

  server = await startServer()
  try {
    for (const path of ['/', '/sitemap.xml']) expect(await page(path), path).not.toContain(marker.toLowerCase())
    // Their addresses echo the marker in the 404 page's route data, so these are judged by status.
    for (const path of [`/topics/${marker.toLowerCase()}`, `/articles/${marker.toLowerCase()}`]) {
      expect((await fetch(`${second}${path}`)).status, path).toBe(404)
    }
  } finally {
    await stopServer(server)
  }
})

/** The Next.js server process that scripts/start.mjs started. */
function serverProcessOf({ process: start }: { process: ChildProcess }): number {
  const children = execFileSync('pgrep', ['-P', String(start.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number)
  const server = children.find((pid) => /next-server|next\/dist\/bin\/next/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')))
  if (!server) throw new Error(`no Next.js server among the children of ${start.pid}: ${children.join(', ')}`)
  return server
}

test('a server process that dies is started again within seconds, and says so', async () => {
  test.setTimeout(120_000)
  const server = await startServer()
  try {
    const first = serverProcessOf(server)
    // As the kernel's out-of-memory killer, or V8 at its heap limit, would end it.
    process.kill(first, 'SIGKILL')
    const killed = Date.now()
    await expect
      .poll(async () => (await fetch(`${second}/robots.txt`).catch(() => null))?.status ?? 0, { timeout: 30_000, intervals: [250] })
      .toBe(200)
    const back = Date.now() - killed
    expect(back, `back after ${back} ms`).toBeLessThan(15_000)
    expect(serverProcessOf(server)).not.toBe(first)
    expect(server.log()).toMatch(/vetted: the server stopped \(exit 137\) after \d+ s; starting it again in 1 s \(restart 1\)\./)
    expect((await fetch(`${second}/`)).status).toBe(200)
  } finally {
    await stopServer(server)
  }
  // Stopped on purpose (SIGTERM), it stays stopped.
  expect(await fetch(`${second}/robots.txt`).catch(() => null)).toBeNull()
})
