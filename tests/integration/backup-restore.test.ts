// A backup restored with the commands of docs/OPERATIONS.md keeps every append-only and immutability
// guard: the trail, the audit log and saved versions stay unchangeable after a restore.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

const GUARDS = [
  'reviews_append_only',
  'revisions_append_only',
  'audit_log_append_only',
  'articles_v_immutable',
  'tips_v_immutable',
  'warnings_v_immutable',
  'articles_v_rels_immutable',
]

describe('backup and restore with pg_dump', () => {
  const source = new URL(process.env.DATABASE_URL!)
  const target = new URL(source)
  target.pathname = `/vetted_restore_${process.pid}`
  const dir = mkdtempSync(path.join(tmpdir(), 'vetted-backup-'))
  const admin = new URL(source)
  admin.pathname = '/postgres'

  const run = async (url: URL, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try {
      return await client.query(text, values)
    } finally {
      await client.end()
    }
  }

  afterAll(async () => {
    await run(admin, `drop database if exists ${target.pathname.slice(1)} with (force)`)
    rmSync(dir, { recursive: true, force: true })
  })

  it('restores every guard, active', async () => {
    const dump = path.join(dir, 'vetted.dump')
    execFileSync('pg_dump', ['-Fc', '-f', dump, source.toString()])
    await run(admin, `drop database if exists ${target.pathname.slice(1)} with (force)`)
    await run(admin, `create database ${target.pathname.slice(1)}`)
    execFileSync('pg_restore', ['--exit-on-error', '--no-owner', '-d', target.toString(), dump])

    const { rows } = await run(target, `select tgname from pg_trigger where not tgisinternal and tgenabled = 'O'`)
    const restored = rows.map((row) => row.tgname)
    for (const guard of GUARDS) expect(restored, guard).toContain(guard)

    const counts = async (url: URL) =>
      (await run(url, 'select (select count(*) from reviews) as r, (select count(*) from _articles_v) as v')).rows[0]
    expect(await counts(target)).toEqual(await counts(source))
    await expect(run(target, `update reviews set comment = 'rewritten' where id = (select min(id) from reviews)`)).rejects.toThrow(
      /append-only/,
    )
    await expect(run(target, `delete from audit_log`)).rejects.toThrow(/append-only/)
    await expect(run(target, `update _articles_v set version_title = 'x' where id = (select min(id) from _articles_v)`)).rejects.toThrow(
      /immutable/,
    )
  })
})
