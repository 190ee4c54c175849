// @ts-check
// One process's connection to the shared cache: the Redis client, the circuit breaker, the
// epoch this process has checked, and the expiries it still owes Redis. Holds no cache values.
//
// - Redis down or slow: every call has a budget (100 ms) and a breaker opens after 3
//   consecutive failures for 5 s, then lets one call through. The client keeps no offline
//   queue. While Redis is unusable nothing is read or stored, and expiries wait here to be
//   replayed (at the replay's time) before this process serves anything from Redis again; past
//   10,000 waiting tags the process rotates the epoch instead.
// - Expiry writes (and the replica fence) go through an open breaker, with a 1 s budget and up
//   to three tries: breakers are per process, and another instance may be reading Redis again.
//   The durable record of expiries is the PostgreSQL outbox (src/cache/expiry-outbox.ts).
// - The epoch: a field of the tag-expiry hash beside the run id of the Redis server that made
//   it. An entry is served only under the epoch it was rendered under. Every new connection
//   (and every 5 s) the run id is compared in one script: a restarted Redis, empty or loaded
//   from a snapshot, or a promoted replica, gets a new epoch, so nothing stored before it (whose
//   expiries it may not know) is served. Loading old data into a running Redis must be
//   followed by `rotateEpoch()`.
import { randomUUID } from 'node:crypto'
import { createClient, RESP_TYPES } from 'redis'
import { optionsFromEnv } from './options.mjs'
import { EPOCH_FIELD, FENCE_FIELD, RAISE_FENCE, RECORD_EXPIRIES, SERVER_FIELD, SYNC_EPOCH } from './scripts.mjs'

/** @typedef {import('./options.mjs').RedisCacheOptions} RedisCacheOptions */
/** @typedef {{ ok: true, value: any } | { ok: false }} Outcome */

const FAILED = /** @type {const} */ ({ ok: false })
const ESSENTIAL_ATTEMPTS = 3

/**
 * One process's connection to the shared cache: the Redis client, the circuit breaker, the
 * epoch this process has checked, and expiries waiting to be replayed. Holds no cache values.
 */
export class RedisCacheState {
  /** @param {Partial<RedisCacheOptions>} [options] */
  constructor(options = {}) {
    /** @type {RedisCacheOptions} */
    this.options = { ...optionsFromEnv({}), ...options }
    const prefix = this.options.keyPrefix
    this.keys = {
      tags: `${prefix}tags`,
      /** Entries are kept apart per build (HTML names its build's assets); expiries are shared. */
      entry: (/** @type {string} */ build, /** @type {string} */ key) => `${prefix}entry:${build ? `${build}:` : ''}${key}`,
    }
    /** Calls into Redis (attempts), failed ones, calls the open breaker skipped, times it opened. */
    this.stats = { attempts: 0, failures: 0, skipped: 0, opened: 0 }
    /** @type {any} */
    this.client = undefined
    /** @type {any} */
    this.buffers = undefined
    this.closed = false
    // Circuit breaker.
    this.consecutiveFailures = 0
    this.openUntil = 0
    this.probing = false
    // Epoch: the value, the connection it was checked on, and when.
    /** @type {string | undefined} */
    this.epoch = undefined
    this.syncedSocket = -1
    this.syncedAt = 0
    /** @type {Promise<string | undefined> | undefined} */
    this.syncing = undefined
    // Expiries not yet in Redis (recorded at Redis's time when they reach it): tag -> the
    // number of the latest request to expire it, and whether some were dropped.
    /** @type {Map<string, number>} */
    this.pending = new Map()
    this.expirySequence = 0
    // A fence owed to Redis with those expiries (the highest), as decimal text.
    /** @type {string | undefined} */
    this.pendingFence = undefined
    // The latest Redis time (µs) this process has seen in a reply.
    /** @type {number | undefined} */
    this.lastRedisUs = undefined
    this.overflowed = false
    this.lastWarning = 0
    /** @type {Promise<unknown> | undefined} */
    this.whenReady = undefined
  }

  /** The Redis client, created and connecting on first use. */
  connection() {
    if (this.client) return this.client
    if (!this.options.url) throw new Error('REDIS_URL is not set')
    const { timeoutMs, cooldownMs } = this.options
    const client = createClient({
      url: this.options.url,
      // Fail at once while disconnected instead of queueing: the breaker decides.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: Math.max(1000, timeoutMs * 10),
        // At most half a second apart: an expiry must reach Redis soon after it is back.
        reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 10), 500, Math.max(cooldownMs, 100)),
      },
    })
    client.on('error', (/** @type {unknown} */ error) => this.warn(`Redis cache connection: ${String(error)}`))
    client.connect().catch((/** @type {unknown} */ error) => this.warn(`Redis cache connect: ${String(error)}`))
    this.client = client
    this.buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
    return client
  }

  /** Notes Redis's time from a reply that arrived (so it is in the past from here on). */
  noteRedisTime(/** @type {number} */ redisUs) {
    if (Number.isFinite(redisUs) && !(this.lastRedisUs !== undefined && this.lastRedisUs >= redisUs)) this.lastRedisUs = redisUs
  }

  /** At most one warning per cool-down, so an outage does not flood the log. */
  warn(/** @type {string} */ message) {
    const now = Date.now()
    if (now - this.lastWarning < Math.max(this.options.cooldownMs, 1000)) return
    this.lastWarning = now
    console.warn(`${message} (shared cache skipped; pages render from the database)`)
  }

  /** Whether the breaker lets a call through now (closed, or the one half-open probe). */
  allow() {
    if (this.consecutiveFailures < this.options.failureThreshold) return true
    if (Date.now() < this.openUntil || this.probing) return false
    this.probing = true
    return true
  }

  /**
   * Runs one Redis call within the time budget, through the breaker. Never throws. An expiry
   * write is `essential`: it goes through an open breaker with a longer budget, because
   * another instance may be reading Redis already (a breaker is per process).
   * @param {(client: any, buffers: any) => Promise<any>} call
   * @returns {Promise<Outcome>}
   */
  async run(call, essential = false) {
    if (this.closed || (!essential && !this.allow())) {
      this.stats.skipped++
      return FAILED
    }
    this.stats.attempts++
    const budget = essential ? Math.max(this.options.timeoutMs, this.options.expiryTimeoutMs) : this.options.timeoutMs
    /** @type {NodeJS.Timeout | undefined} */
    let timer
    try {
      const client = this.connection()
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis call took over ${budget} ms`)), budget)
      })
      // Connecting (first use, or reconnecting) counts against the same budget; a call whose
      // budget ran out while waiting for the connection is dropped, not sent late.
      let expired = false
      const attempt = client.isReady
        ? call(client, this.buffers)
        : this.ready(client).then(() => (expired ? undefined : call(client, this.buffers)))
      const value = await Promise.race([attempt, timeout]).finally(() => {
        expired = true
      })
      this.consecutiveFailures = 0
      this.probing = false
      return { ok: true, value }
    } catch (error) {
      this.stats.failures++
      this.probing = false
      this.consecutiveFailures++
      if (this.consecutiveFailures >= this.options.failureThreshold) {
        if (Date.now() >= this.openUntil) this.stats.opened++
        this.openUntil = Date.now() + this.options.cooldownMs
      }
      this.warn(`Redis cache call failed: ${String(error)}`)
      return FAILED
    } finally {
      clearTimeout(timer)
    }
  }

  /** Resolves when the client is next ready (one listener however many calls wait). */
  ready(/** @type {any} */ client) {
    this.whenReady ??= new Promise((resolve) => {
      client.once('ready', () => {
        this.whenReady = undefined
        resolve(undefined)
      })
    })
    return this.whenReady
  }

  /** The connection the epoch was last checked on is still the one in use. */
  isSynced() {
    const client = this.client
    return this.epoch !== undefined && client !== undefined && client.isReady && this.syncedSocket === client.socketEpoch
  }

  /** The checked epoch, without asking Redis (undefined when not checked on this connection). */
  knownEpoch() {
    return this.isSynced() ? this.epoch : undefined
  }

  /**
   * The current epoch, checked against the server's identity on every new connection and
   * every epochCheckMs, with this process's pending expiries replayed first. undefined when
   * Redis is unusable: then nothing may be served from it.
   * @returns {Promise<string | undefined>}
   */
  async currentEpoch() {
    if (this.isSynced() && Date.now() - this.syncedAt < this.options.epochCheckMs) {
      return (this.pending.size > 0 || this.overflowed) && !(await this.flushPending()) ? undefined : this.epoch
    }
    this.syncing ??= this.sync().finally(() => {
      this.syncing = undefined
    })
    return this.syncing
  }

  /** @returns {Promise<string | undefined>} */
  async sync() {
    const outcome = await this.run((client) =>
      client.eval(SYNC_EPOCH, { keys: [this.keys.tags], arguments: [EPOCH_FIELD, SERVER_FIELD, randomUUID(), FENCE_FIELD] }),
    )
    const [epoch, now] = outcome.ok && Array.isArray(outcome.value) ? outcome.value.map(String) : []
    if (!epoch) {
      this.epoch = undefined
      return undefined
    }
    this.noteRedisTime(Number(now))
    this.epoch = epoch
    this.syncedSocket = this.client.socketEpoch
    this.syncedAt = Date.now()
    if ((this.pending.size > 0 || this.overflowed) && !(await this.flushPending())) return undefined
    return this.epoch
  }

  /** Another instance rotated the epoch: take its value (this only makes older entries misses). */
  adoptEpoch(/** @type {string} */ epoch) {
    if (this.isSynced()) this.epoch = epoch
  }

  /** Forgets the epoch: the next call checks it again. */
  forgetEpoch() {
    this.epoch = undefined
  }

  /**
   * Records the tags as expired now (on Redis's clock), in Redis if it can, else in memory
   * for replay. Never throws.
   * @returns {Promise<boolean>} whether Redis has them now
   */
  async recordExpiries(/** @type {string[]} */ tags, essential = true, /** @type {string | undefined} */ fence = undefined) {
    if (fence !== undefined && /^\d+$/.test(fence) && (this.pendingFence === undefined || BigInt(fence) > BigInt(this.pendingFence))) {
      this.pendingFence = fence
    }
    for (const tag of tags) {
      if (!this.pending.has(tag) && this.pending.size >= this.options.maxPendingTags) {
        // Too many to remember: drop them all and make every entry a miss when Redis returns.
        this.pending.clear()
        this.overflowed = true
        break
      }
      this.pending.set(tag, ++this.expirySequence)
    }
    return this.flushPending(essential)
  }

  /** Writes pending expiries to Redis (rotating the epoch after an overflow). */
  async flushPending(essential = false) {
    const batch = [...this.pending]
    const overflowed = this.overflowed
    if (batch.length > 0) {
      const tags = batch.map(([tag]) => tag)
      const fence = this.pendingFence
      const record = () =>
        this.run(
          (client) => client.eval(RECORD_EXPIRIES, { keys: [this.keys.tags], arguments: [FENCE_FIELD, fence ?? '', ...tags] }),
          essential,
        )
      // An expiry is worth three tries (a stalled event loop or a reconnect can eat one budget).
      let outcome = await record()
      for (let attempt = 1; essential && !outcome.ok && attempt < ESSENTIAL_ATTEMPTS; attempt++) outcome = await record()
      if (!outcome.ok) return false
      if (this.pendingFence === fence) this.pendingFence = undefined
      // Recorded at Redis's time, after these expiries; one made again meanwhile stays pending.
      for (const [tag, sequence] of batch) if (this.pending.get(tag) === sequence) this.pending.delete(tag)
    }
    if (overflowed) {
      const outcome = await this.rotateEpoch()
      if (!outcome) return false
      this.overflowed = false
    }
    return this.pending.size === 0 && !this.overflowed
  }

  /**
   * Makes a new epoch: every stored entry becomes a miss. For operators after loading old
   * data into a running Redis, and for this process after losing expiries it could not keep.
   */
  async rotateEpoch() {
    const epoch = randomUUID()
    const outcome = await this.run((client) => client.hSet(this.keys.tags, EPOCH_FIELD, epoch))
    if (!outcome.ok) return false
    if (this.isSynced()) this.epoch = epoch
    return true
  }

  /**
   * The fence: a number that only grows, kept beside the tag expiries so that it is lost only
   * with them (the app stores the database position read replicas must have replayed before
   * readers may use them). undefined when Redis is unusable or holds none.
   * @returns {Promise<string | undefined>}
   */
  async readFence() {
    const outcome = await this.run((client) => client.hGet(this.keys.tags, FENCE_FIELD))
    return outcome.ok && typeof outcome.value === 'string' ? outcome.value : undefined
  }

  /** Raises the fence to `value` (a non-negative integer, as decimal text). Never throws. */
  async raiseFence(/** @type {string} */ value) {
    if (!/^\d+$/.test(value)) return false
    const outcome = await this.run((client) => client.eval(RAISE_FENCE, { keys: [this.keys.tags], arguments: [FENCE_FIELD, value] }), true)
    return outcome.ok
  }

  /** Closes the connection (tests, shutdown). */
  async close() {
    this.closed = true
    const client = this.client
    this.client = undefined
    if (!client) return
    // Not close(): it waits for replies a stalled server never sends. Cache writes are best effort.
    try {
      client.destroy()
    } catch {
      // Already closed.
    }
  }
}

/** The process's shared state for the configuration in the environment (one per process). */
const STATES = Symbol.for('vetted.redis-cache-states')
export function defaultState() {
  const options = optionsFromEnv()
  const store = /** @type {{ [STATES]?: Map<string, RedisCacheState> }} */ (/** @type {unknown} */ (globalThis))
  const states = (store[STATES] ??= new Map())
  const id = `${options.url ?? ''}\n${options.keyPrefix}`
  let state = states.get(id)
  if (!state) {
    state = new RedisCacheState(options)
    states.set(id, state)
  }
  return state
}
