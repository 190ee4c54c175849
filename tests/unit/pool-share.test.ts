import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentPoolShareStats, limitPoolShare, withPoolShare, type PoolShareStats } from '@/db/pool-share'

// Against a real PostgreSQL: the point is how pg's own pool behaves around the wrapper.
// The suite's own database (npm test hands every step its address), unless one is named.
const URL = process.env.POOL_SHARE_TEST_URL || process.env.DATABASE_URL!
const SHARE = 3
const SLEEP = 'select pg_sleep(0.05)'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const parallel = <T>(count: number, run: () => Promise<T>) => Promise.all(Array.from({ length: count }, run))
const stats = (pool: pg.Pool): PoolShareStats | undefined => currentPoolShareStats(pool)

/** Clients checked out of the pool at once: counted exactly from pg's events, and sampled. */
function watchUse(pool: pg.Pool) {
  let now = 0
  let counted = 0
  let sampled = 0
  const onAcquire = () => {
    now += 1
    counted = Math.max(counted, now)
  }
  const onRelease = () => {
    now -= 1
  }
  pool.on('acquire', onAcquire)
  pool.on('release', onRelease)
  const timer = setInterval(() => {
    sampled = Math.max(sampled, pool.totalCount - pool.idleCount)
  }, 1)
  return () => {
    clearInterval(timer)
    pool.removeListener('acquire', onAcquire)
    pool.removeListener('release', onRelease)
    return { counted, sampled }
  }
}

let pool: pg.Pool
const pools: pg.Pool[] = []
function newPool(config: pg.PoolConfig = {}): pg.Pool {
  const created = new pg.Pool({ connectionString: URL, max: 10, ...config })
  pools.push(created)
  return created
}

beforeAll(async () => {
  pool = limitPoolShare(newPool(), SHARE)
  await pool.query('select 1')
})
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()))
})

describe('one request scope', () => {
  it('never holds more than its share of the pool', async () => {
    const stop = watchUse(pool)
    const result = await withPoolShare(async () => {
      const started = performance.now()
      await parallel(50, () => pool.query(SLEEP))
      return { stats: stats(pool), elapsed: performance.now() - started }
    })()
    const use = stop()

    expect(result.stats).toEqual({ held: 0, peak: SHARE, waiting: 0 })
    expect(use.counted).toBe(SHARE)
    expect(use.sampled).toBeLessThanOrEqual(SHARE)
    // 50 sleeps three at a time take at least 17 rounds; with the whole pool it would be 5.
    expect(result.elapsed).toBeGreaterThanOrEqual(16 * 50)
  })

  it('leaves the rest of the pool to other readers', async () => {
    const storm = withPoolShare(async () => {
      const started = performance.now()
      await parallel(50, () => pool.query(SLEEP))
      return performance.now() - started
    })()
    await sleep(100)

    let started = performance.now()
    await pool.query('select 1')
    const unscoped = performance.now() - started
    started = performance.now()
    await withPoolShare(() => pool.query('select 1'))()
    const otherScope = performance.now() - started
    const stormTook = await storm

    expect(unscoped).toBeLessThan(stormTook / 4)
    expect(otherScope).toBeLessThan(stormTook / 4)
  })

  it('gives each scope its own share', async () => {
    const stop = watchUse(pool)
    const run = withPoolShare(async () => {
      await parallel(9, () => pool.query(SLEEP))
      return stats(pool)?.peak
    })
    expect(await Promise.all([run(), run()])).toEqual([SHARE, SHARE])
    expect(stop().counted).toBe(2 * SHARE)
  })

  it('counts transactions checked out with connect(), and serves waiters in order', async () => {
    await withPoolShare(async () => {
      const held = await parallel(3, () => pool.connect())
      const [first, second, third] = held as [pg.PoolClient, pg.PoolClient, pg.PoolClient]
      await first.query('begin')

      let fourthArrived = false
      const fourth = pool.connect().then((client) => {
        fourthArrived = true
        return client
      })
      const query = pool.query<{ n: number }>('select 1 as n')
      await sleep(100)
      expect(fourthArrived).toBe(false)
      expect(stats(pool)).toEqual({ held: 3, peak: 3, waiting: 2 })

      await first.query('commit')
      first.release()
      expect(stats(pool)).toEqual({ held: 3, peak: 3, waiting: 1 })
      const fourthClient = await fourth
      second.release()
      expect((await query).rows[0]?.n).toBe(1)

      fourthClient.release()
      third.release()
      expect(stats(pool)).toEqual({ held: 0, peak: 3, waiting: 0 })
    })()
  })

  it('works with the callback forms of connect and query', async () => {
    await withPoolShare(async () => {
      const seen = await new Promise<{ n: unknown; heldInside?: number; doneIsRelease: boolean }>((resolve, reject) => {
        pool.connect((err, client, done) => {
          if (err || !client) return reject(err)
          const heldInside = stats(pool)?.held
          client.query('select 2 as n', (queryError, result) => {
            done()
            if (queryError) return reject(queryError)
            resolve({ n: result.rows[0]?.n, heldInside, doneIsRelease: done === client.release })
          })
        })
      })
      expect(seen).toEqual({ n: 2, heldInside: 1, doneIsRelease: true })
      expect(stats(pool)?.held).toBe(0)

      const viaQuery = await parallel(
        10,
        () =>
          new Promise<unknown>((resolve, reject) => {
            pool.query('select $1::int as n, pg_sleep(0.02)', [3], (err, result) => (err ? reject(err) : resolve(result.rows[0]?.n)))
          }),
      )
      expect(viaQuery).toEqual(Array(10).fill(3))
      expect(stats(pool)).toEqual({ held: 0, peak: SHARE, waiting: 0 })
    })()
  })

  it('frees one slot when a client is released twice', async () => {
    await withPoolShare(async () => {
      const [a, b, c] = (await parallel(3, () => pool.connect())) as [pg.PoolClient, pg.PoolClient, pg.PoolClient]
      const d = pool.connect()
      const releaseA = a.release
      releaseA()
      const dClient = await d
      expect(() => releaseA()).toThrow(/already been released/)
      expect(stats(pool)).toEqual({ held: 3, peak: 3, waiting: 0 })

      let eArrived = false
      const e = pool.connect().then((client) => {
        eArrived = true
        return client
      })
      await sleep(50)
      expect(eArrived).toBe(false)
      b.release()
      const eClient = await e

      for (const client of [c, dClient, eClient]) client.release()
      expect(stats(pool)).toEqual({ held: 0, peak: 3, waiting: 0 })
    })()
  })

  it('frees the slot of a failing query or transaction', async () => {
    await withPoolShare(async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => pool.query('select 1/0')))
      expect(results.every((r) => r.status === 'rejected' && /division by zero/.test(String(r.reason)))).toBe(true)
      expect(stats(pool)).toEqual({ held: 0, peak: 3, waiting: 0 })

      const client = await pool.connect()
      await client.query('begin')
      await expect(client.query('select 1/0')).rejects.toThrow(/division by zero/)
      await client.query('rollback')
      client.release()
      expect(await parallel(3, async () => (await pool.query('select 1 as n')).rows[0]?.n)).toEqual([1, 1, 1])
      expect(stats(pool)?.held).toBe(0)
    })()
  })

  it('frees the slot when the pool cannot connect', async () => {
    const unreachable = limitPoolShare(newPool({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' }), 2)
    unreachable.on('error', () => {})
    await withPoolShare(async () => {
      const results = await Promise.allSettled([...Array.from({ length: 5 }, () => unreachable.query('select 1')), unreachable.connect()])
      expect(results.map((r) => r.status)).toEqual(Array(6).fill('rejected'))
      expect(stats(unreachable)).toEqual({ held: 0, peak: 2, waiting: 0 })
    })()
  })

  it("lets a checkout wait only as long as the pool's connection timeout", async () => {
    // A request holding its whole share while it needs one more client would otherwise wait for ever.
    const strict = limitPoolShare(newPool({ connectionTimeoutMillis: 300 }), 1)
    await withPoolShare(async () => {
      const held = await strict.connect()
      const started = performance.now()
      await expect(strict.query('select 1')).rejects.toThrow(/timeout exceeded when trying to connect/)
      expect(performance.now() - started).toBeGreaterThanOrEqual(290)
      expect(stats(strict)).toEqual({ held: 1, peak: 1, waiting: 0 })
      held.release()
      expect((await strict.query('select 1 as n')).rows[0]?.n).toBe(1)
      expect(stats(strict)?.held).toBe(0)
    })()
  })

  it('still serves, and then frees, checkouts left waiting when the handler returns', async () => {
    const left = await withPoolShare(async () => {
      const queries = Array.from({ length: 7 }, () => pool.query(SLEEP))
      return { now: stats(pool), after: Promise.all(queries).then(() => stats(pool)) }
    })()
    expect(left.now).toEqual({ held: 3, peak: 3, waiting: 4 })
    expect(await left.after).toEqual({ held: 0, peak: 3, waiting: 0 })
  })

  it('treats a nested withPoolShare as the same request', async () => {
    const peak = await withPoolShare(async () => {
      await withPoolShare(() => parallel(6, () => pool.query(SLEEP)))()
      await parallel(2, () => pool.query(SLEEP))
      return stats(pool)?.peak
    })()
    expect(peak).toBe(SHARE)
  })
})

describe('outside a scope', () => {
  it('leaves the pool as it was', async () => {
    expect(stats(pool)).toBeUndefined()
    const stop = watchUse(pool)
    await parallel(20, () => pool.query(SLEEP))
    expect(stop().counted).toBe(10)
  })

  it('wraps a pool only once', async () => {
    const connect = pool.connect
    expect(limitPoolShare(pool, 1)).toBe(pool)
    expect(pool.connect).toBe(connect)
    const peak = await withPoolShare(async () => {
      await parallel(6, () => pool.query(SLEEP))
      return stats(pool)?.peak
    })()
    expect(peak).toBe(SHARE)
  })

  it('refuses a share below one client', () => {
    expect(() => limitPoolShare(newPool(), 0)).toThrow(RangeError)
  })
})
