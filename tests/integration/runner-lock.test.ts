// One background runner among instances (src/jobs/runner-lock.ts), against real PostgreSQL:
// three contenders, exactly one holds it; it passes on when the holder goes or its
// connection is cut.
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { RUNNER_LOCK_KEY, RunnerLock } from '../../src/jobs/runner-lock'

const url = process.env.DATABASE_URL!
const locks: RunnerLock[] = []

afterEach(async () => {
  await Promise.all(locks.splice(0).map((lock) => lock.release()))
})

const contender = (name: string) => {
  const lock = new RunnerLock(url, name)
  locks.push(lock)
  return lock
}

async function holders(): Promise<string[]> {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    const { rows } = await db.query<{ name: string }>(
      `select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.objid = $1 and l.granted and a.application_name like 'runner-lock-test%'`,
      [RUNNER_LOCK_KEY],
    )
    return rows.map((row) => row.name)
  } finally {
    await db.end()
  }
}

describe('the background runner lock', () => {
  it('is held by exactly one of several contenders, who keeps it', async () => {
    const [a, b, c] = ['runner-lock-test a', 'runner-lock-test b', 'runner-lock-test c'].map(contender) as [
      RunnerLock,
      RunnerLock,
      RunnerLock,
    ]
    const first = await Promise.all([a.holds(), b.holds(), c.holds()])
    expect(first.filter(Boolean)).toHaveLength(1)
    const again = await Promise.all([a.holds(), b.holds(), c.holds()])
    expect(again).toEqual(first)
    expect(await holders()).toHaveLength(1)
  })

  it('passes to another when the holder releases it', async () => {
    const a = contender('runner-lock-test a')
    const b = contender('runner-lock-test b')
    expect(await a.holds()).toBe(true)
    expect(await b.holds()).toBe(false)
    await a.release()
    expect(await b.holds()).toBe(true)
    expect(await holders()).toEqual(['runner-lock-test b'])
  })

  it('passes to another when the holder’s connection is cut (a crashed instance)', async () => {
    const a = contender('runner-lock-test a')
    const b = contender('runner-lock-test b')
    expect(await a.holds()).toBe(true)
    const db = new pg.Client({ connectionString: url })
    await db.connect()
    await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'runner-lock-test a'`)
    await db.end()
    await expect.poll(() => b.holds(), { timeout: 5000 }).toBe(true)
    expect(await a.holds()).toBe(false)
    expect(await holders()).toEqual(['runner-lock-test b'])
  })
})
