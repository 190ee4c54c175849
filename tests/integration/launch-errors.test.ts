// Bad settings at launch: one clear line and a non-zero exit, never a stack trace wall.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

function launch(script: string, env: Record<string, string | undefined>) {
  const result = spawnSync('node', [script, '--', 'true'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { code: result.status, stderr: result.stderr.trim() }
}

describe('launch errors', () => {
  it('names a malformed DATABASE_URL', () => {
    const { code, stderr } = launch('scripts/with-db.mjs', { DATABASE_URL: 'not a url' })
    expect(code).toBe(1)
    expect(stderr).toBe('vetted: DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).')
  })

  it('names an unreachable database, without its password', () => {
    const { code, stderr } = launch('scripts/with-db.mjs', { DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:1/vetted' })
    expect(code).toBe(1)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^vetted: Cannot reach the database at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/vetted \(ECONNREFUSED/)
    expect(stderr).not.toContain('hunter2')
  })

  it('refuses to start in production without PAYLOAD_SECRET', () => {
    const { code, stderr } = launch('scripts/start.mjs', { PAYLOAD_SECRET: '' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^vetted: PAYLOAD_SECRET is not set/)
  })
})

describe('the seed, run again', () => {
  // Once: the seed used to run under `payload run`, which let Node exit before the script
  // ran in about one run in three; it now runs as `node --import tsx`, which has no such race.
  it('always reports what it did and prints the demo logins, also into a pipe', () => {
    const result = spawnSync('node', ['scripts/with-db.mjs', '--seed'], { env: process.env, encoding: 'utf8', timeout: 120_000 })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/seed: nothing to do, all \d+ items were already there\./)
    expect(result.stdout).toMatch(
      /demo logins \(password .*\): admin@example\.com, editor@example\.com, reviewer@example\.com, reviewer2@example\.com/,
    )
  }, 120_000)
})
