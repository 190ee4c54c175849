// Next.js keeps its data cache on disk across restarts. A restarted server must answer from
// the database it runs on, never from what an earlier process cached: after a restore from
// backup, or a new DATABASE_URL, old cache entries would show content that database lacks.
import { type ChildProcess, spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { Api, article, unique } from './support/api'
import { freePort } from '../../scripts/lib/ports.mjs'

test.describe.configure({ mode: 'serial' })

let port = 0
let second = ''
test.beforeAll(async () => {
  port = await freePort()
  second = `http://127.0.0.1:${port}`
})

async function startServer(): Promise<ChildProcess> {
  const child = spawn('node', ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), SERVER_URL: second, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'vetted-e2e-secret' },
    stdio: 'ignore',
  })
  for (let i = 0; i < 120; i++) {
    const ready = await fetch(`${second}/robots.txt`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return child
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  child.kill()
  throw new Error('the second server did not start')
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

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
