// Several app instances starting at the same moment on an empty database: migrations are
// applied exactly once, and every instance's start succeeds.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { useTransactions } from '@/lib/server-env'

const migrate = (url: string) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('node', ['scripts/with-db.mjs', '--migrate'], { env: { ...process.env, DATABASE_URL: url } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })

// The embedded database serves one process; only PostgreSQL has several instances.
describe.runIf(useTransactions())('three instances migrating at once', () => {
  const admin = new URL(process.env.DATABASE_URL!)
  admin.pathname = '/postgres'
  const name = `vetted_concurrent_${process.pid}`
  const target = new URL(process.env.DATABASE_URL!)
  target.pathname = `/${name}`
  const run = async (url: URL, text: string) => {
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try {
      return await client.query(text)
    } finally {
      await client.end()
    }
  }
  afterAll(async () => {
    await run(admin, `drop database if exists ${name} with (force)`)
  })

  it('apply each migration exactly once, and all succeed', async () => {
    await run(admin, `drop database if exists ${name} with (force)`)
    await run(admin, `create database ${name}`)
    const results = await Promise.all([1, 2, 3].map(() => migrate(target.toString())))
    for (const result of results) expect(result.code, result.output.slice(-2000)).toBe(0)
    const expected = readdirSync('src/migrations').filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file)).length
    const { rows } = await run(target, `select name, count(*)::int as n from payload_migrations where batch > 0 group by name`)
    expect(rows).toHaveLength(expected)
    expect(rows.filter((row) => row.n !== 1)).toEqual([])
  }, 180_000)
})
