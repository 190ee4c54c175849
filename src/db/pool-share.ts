// A per-request share of the database pool: inside a scope opened by `withPoolShare`, a pool
// wrapped by `limitPoolShare` hands out at most `perRequest` clients at once to that scope;
// further checkouts wait, first come first served, for one of the scope's own clients to come
// back. Outside any scope the pool behaves as before.
//
// Both of pg's ways of checking out go through `pool.connect`: `pool.query` calls
// `this.connect(callback)` and releases with `client.release(err)`, and drizzle's transactions
// call `pool.connect()` and release with `client.release()`. So wrapping `connect` and each
// checkout's `release` covers both.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Pool, PoolClient } from 'pg'

type Release = (err?: Error | boolean) => void
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, done: Release) => void
type Connect = (callback: ConnectCallback) => void

/**
 * Connections one request may hold at once. Not 1: a save holds its transaction's client
 * while Payload runs its document-lock check outside the transaction. With the default
 * pool of 10 (one held by Payload for good), three requests at full share still leave room.
 */
export const POOL_SHARE_PER_REQUEST = 3

export interface PoolShareStats {
  /** Clients the scope holds now (checked out, or being connected for it). */
  held: number
  /** The most it held at once. */
  peak: number
  /** Checkouts waiting for one of the scope's clients to come back. */
  waiting: number
}

export interface PoolShareOptions {
  /**
   * How long a checkout may wait for the scope's share before failing with pg's own timeout
   * message (so it is answered like an exhausted pool). Defaults to the pool's
   * `connectionTimeoutMillis`; 0 waits for ever.
   */
  waitTimeoutMillis?: number
}

interface Waiter {
  readonly proceed: (err?: Error) => void
  timer?: NodeJS.Timeout
}

interface Share {
  held: number
  peak: number
  readonly queue: Waiter[]
}

/** One request; it keeps a share per pool it uses. */
type Scope = Map<Pool, Share>

const scopes = new AsyncLocalStorage<Scope>()
const LIMITED = Symbol.for('vetted.poolShare.limited')
const noop: Release = () => {}

export function limitPoolShare(pool: Pool, perRequest: number, options: PoolShareOptions = {}): Pool {
  if (!Number.isInteger(perRequest) || perRequest < 1) {
    throw new RangeError(`perRequest must be a whole number of at least 1, not ${perRequest}`)
  }
  const marked = pool as Pool & { [LIMITED]?: true }
  if (marked[LIMITED]) return pool

  const original = pool.connect
  const connect: Connect = (callback) => original.call(pool, callback)
  const connectPromise = () => (original as (this: Pool) => Promise<PoolClient>).call(pool)
  const waitMillis = options.waitTimeoutMillis ?? pool.options.connectionTimeoutMillis ?? 0

  function connectInShare(callback?: ConnectCallback): Promise<PoolClient> | void {
    const scope = scopes.getStore()
    if (!scope) return callback ? connect(callback) : connectPromise()

    const share = shareOf(scope, pool)
    if (callback) return checkout(share, callback)
    return new Promise<PoolClient>((resolve, reject) => {
      checkout(share, (err, client) => (client ? resolve(client) : reject(err ?? new Error('pool.connect gave no client'))))
    })
  }

  function checkout(share: Share, callback: ConnectCallback): void {
    takeSlot(share, perRequest, waitMillis, (waitError) => {
      if (waitError) return callback(waitError, undefined, noop)
      let answered = false
      try {
        connect((err, client, done) => {
          answered = true
          if (err || !client) {
            freeSlot(share)
            return callback(err, client, done)
          }
          client.release = releaseOnce(client.release, share)
          callback(undefined, client, client.release)
        })
      } catch (err) {
        if (answered) throw err
        freeSlot(share)
        callback(err instanceof Error ? err : new Error(String(err)), undefined, noop)
      }
    })
  }

  Object.defineProperty(pool, LIMITED, { value: true })
  pool.connect = connectInShare as Pool['connect']
  return pool
}

/**
 * Runs each call of the handler in its own pool-share scope. A call made while a scope is
 * already open joins that scope, so wrapping a handler twice does not double a request's share.
 */
export function withPoolShare<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => (scopes.getStore() ? handler(...args) : scopes.run(new Map(), () => handler(...args)))
}

/** The current scope's use of the pool, or undefined outside a scope or before it used the pool. */
export function currentPoolShareStats(pool: Pool): PoolShareStats | undefined {
  const share = scopes.getStore()?.get(pool)
  return share && { held: share.held, peak: share.peak, waiting: share.queue.length }
}

function shareOf(scope: Scope, pool: Pool): Share {
  let share = scope.get(pool)
  if (!share) {
    share = { held: 0, peak: 0, queue: [] }
    scope.set(pool, share)
  }
  return share
}

function takeSlot(share: Share, limit: number, waitMillis: number, proceed: (err?: Error) => void): void {
  if (share.held < limit) {
    share.held += 1
    share.peak = Math.max(share.peak, share.held)
    return proceed()
  }
  const waiter: Waiter = { proceed }
  if (waitMillis > 0) {
    waiter.timer = setTimeout(() => {
      const index = share.queue.indexOf(waiter)
      if (index === -1) return
      share.queue.splice(index, 1)
      proceed(new Error(`timeout exceeded when trying to connect: waited ${waitMillis} ms for this request's share of the database pool`))
    }, waitMillis)
    waiter.timer.unref()
  }
  share.queue.push(waiter)
}

/** Gives the slot to the scope's next waiter, or back to the scope. */
function freeSlot(share: Share): void {
  const next = share.queue.shift()
  if (!next) {
    share.held -= 1
    return
  }
  clearTimeout(next.timer)
  next.proceed()
}

function releaseOnce(release: Release, share: Share): Release {
  let released = false
  return (err) => {
    // A second call goes to pg's own release, which throws; it must not free a second slot.
    if (released) return release(err)
    released = true
    try {
      release(err)
    } finally {
      freeSlot(share)
    }
  }
}
