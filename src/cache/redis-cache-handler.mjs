// @ts-check
// A Next.js incremental cache (`cacheHandler`) shared by several app instances through Redis:
// rendered pages and `unstable_cache` data live in Redis, and so does the record of when each
// cache tag was last expired, so an approval or retirement expires the old page on every
// instance. next.config.mjs loads it when REDIS_URL is set.
// Plain JavaScript, as Next.js loads it at run time.
//
// ---------------------------------------------------------------------------------------------
// What Next.js 16.4.6 expects of a cache handler (read in node_modules/next/dist/server, this
// exact version; paths below are relative to it)
// ---------------------------------------------------------------------------------------------
// 1. One handler per request. `new IncrementalCache(...)` is built for every request
//    (next-server.js:599-625 "incremental-cache is request specific"; base-server.js:947-952;
//    route-modules/route-module.js:284-311; build/templates/app-page-runtime.js:529) and it
//    constructs the handler in its constructor (lib/incremental-cache/index.js:139-150) with
//    `{ dev, fs, flushToDisk, serverDistDir, revalidatedTags, maxMemoryCacheSize,
//    _requestHeaders, fetchCacheKeyPrefix }` (`prerenderManifest`, in the .d.ts, is not passed).
//    So the Redis client, circuit breaker and pending expiries are per process (module state),
//    while what one render did (its cache misses) is per handler instance = per request.
// 2. get(key, ctx) (index.js:299-499). For `unstable_cache`/fetch data ctx is
//    `{ kind: 'FETCH', revalidate, fetchUrl, fetchIdx, tags, softTags }` (response-cache/
//    types.d.ts:161-168; unstable-cache.js:154-161: tags = the call's tags, softTags = the
//    page's implicit `_N_T_/...` tags). For pages and route handlers ctx is
//    `{ kind: 'APP_PAGE' | 'APP_ROUTE' | 'PAGES', isFallback, isRoutePPREnabled? }`
//    (types.d.ts:169-179); IncrementalCache strips its `route` and passes a key already scoped
//    by route: `/route-cache/<kind>/<sha256(source route)>/$<path>` (index.js:352-361,
//    lib/route-cache-key.js:61-75). IMAGE never reaches the handler (index.js:301-303).
//    get must resolve to `null` or `{ lastModified, value, cacheControl? }` (index.d.ts
//    CacheHandlerValue; age/cacheState optional); a stored cacheControl is preferred over the
//    process's own (index.js:430-433). A FETCH key holding a non-FETCH value (or the reverse)
//    throws an InvariantError (index.js:367-370, 421-422). Errors thrown by get are NOT caught
//    by IncrementalCache: they reach the render. Errors thrown by set are caught and logged
//    (index.js:544-552).
// 3. Staleness. For FETCH entries IncrementalCache itself returns null when a tag is in
//    `this.revalidatedTags` (minimal mode, from a request header) or in this request's
//    `pendingRevalidatedTags` (index.js:371-385), computes isStale from
//    `now - lastModified > revalidate` (404-406), then consults the in-process tags manifest
//    (408-412). For pages it computes revalidateAfter/expire from lastModified and
//    cacheControl, and only if the entry is not stale by time checks the tags of the
//    `x-next-cache-tags` header (lib/constants.js:275) against the in-process manifest:
//    expired -> isStale = -1 (blocking re-render, response-cache/index.js:211-217), stale ->
//    true (served stale while re-rendering) (index.js:436-470).
//    The in-process manifest (lib/incremental-cache/tags-manifest.external.js:27-53, a
//    module-level Map; "expired" means `expiredAt <= now && expiredAt > lastModified`) is
//    written only by FileSystemCache.revalidateTag (file-system-cache.js:71-104) and by the
//    built-in "use cache" handler's updateTags (lib/cache-handlers/default.js:159-186).
//    revalidateTag calls every "use cache" handler's updateTags AND
//    incrementalCache.revalidateTag -> cacheHandler.revalidateTag (revalidation-utils.js:
//    129-138, index.js:195-198), and the built-in "use cache" handlers are always initialised
//    (config-shared.js:184-188 makes `cacheHandlers` an object; route-module.js:268-272,
//    next-server.js:588-591; 50 MB default size, config-shared.js:102). So even with a custom
//    cacheHandler the manifest IS updated in the process that called revalidateTag (unless
//    cacheMaxMemorySize is 0: then the default handler is a no-op, default.js:31-38), and
//    Next will also refuse entries that process's own expiries cover. Other processes learn
//    nothing from it: the shared handler must itself answer null for expired entries.
// 4. revalidateTag(tags: string | string[], durations?: { expire?: number }) (index.d.ts).
//    `revalidateTag(tag, { expire: 0 })` (src/cache/content-tags.ts) arrives as
//    `(['tag'], { expire: 0 })`, `updateTag(tag)` or a profile-less call as `(tags, undefined)`
//    meaning "expire now", a profile such as 'max' as `{ expire: <seconds> }` meaning "stale
//    now, expired later" (revalidation-utils.js:106-138; file-system-cache.js:84-101). Tags
//    arrive encoded header-safe: only `\t` and 0x20-0x7e (lib/encode-header-safe.js).
//    The call is deferred to the end of the request (executeRevalidates): for route handlers
//    after the response, as `pendingWaitUntil` (route-modules/app-route/module.js:225-233),
//    for server actions before the action's response (app-render/action-handler.js:373, 977).
//    Outside a request revalidateTag throws "static generation store missing"
//    (web/spec-extension/revalidate.js:100-104).
// 5. set(key, data, ctx) (index.js:500-553). FETCH: `ctx = { fetchCache: true, fetchUrl,
//    fetchIdx, tags, isImplicitBuildTimeCache? }`, value `{ kind: 'FETCH', data: { headers,
//    body, status, url }, revalidate }`, the tags only in ctx.tags (unstable-cache.js:18-35;
//    FileSystemCache stores them as `tags` beside the value, file-system-cache.js:459-464).
//    Pages: `ctx = { cacheControl: { revalidate, expire }, isRoutePPREnabled, isFallback }`,
//    value `{ kind: 'APP_PAGE', html: string, rscData: Buffer, segmentData: Map<string,
//    Buffer>, postponed, headers, status }` (response-cache/utils.js:36-55), the tags only in
//    `value.headers['x-next-cache-tags']` (comma-separated). The 2 MB limit is skipped for
//    custom handlers (index.js:532-536). data may be null (index.js:486-496).
//    A render's set uses the same IncrementalCache (so the same handler instance) as the get
//    that missed or found a stale entry (response-cache/index.js:211, 312; unstable-cache.js
//    154-225); after a failed re-render Next re-sets the previous value with a shorter
//    lifetime (response-cache/index.js:318-343, retainPreviousCacheEntry).
// 6. resetRequestCache() is called at the start of each request (base-server.js:950, 1630;
//    app-page-runtime.js:530; app-route.js:188) and FileSystemCache's is a no-op. This
//    handler keeps no request cache, so it is a no-op too.
//
// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------
// - One clock: Redis's. Expiry times are taken by Redis itself (TIME, inside the script that
//   records them) and so is the time of every lookup (TIME, in the same script as the GET),
//   in microseconds. Instances' own clocks never meet, so no margin for clock differences is
//   needed and an entry rendered just after an expiry is shared at once (one render per
//   approval, not one per instance).
// - An entry's start time is when the render that produced it may have started reading,
//   never when it finished: the Redis time of this handler instance's first get for that key
//   since its last set (a miss, or a stale hit that Next re-renders in the background), else
//   the latest Redis time this process had seen when the instance was made (before the start
//   of the request, so before every read in it; the local clock is never used).
//   A render that began before an approval and stores after it is therefore older than the
//   expiry and is never served. Gets are remembered per instance, not per process: with one
//   instance per request, a process-wide "last miss" would be overwritten by a later request
//   and consumed by the wrong set. Bounded (1,000 keys; an evicted key falls back to the
//   creation time, which is still safe). No arbitrary margin is subtracted: "now minus a
//   margin" would be wrong for any render slower than the margin. With each get the epoch
//   it saw is kept; a render after a lookup that failed (Redis unusable), or a set while
//   this process owes Redis expiries, is not stored at all.
// - An entry is expired when any of its tags (ctx.tags, ctx.softTags, its stored tags, the
//   page's `x-next-cache-tags`) has an expiry time >= its start time. Tag times are read with
//   one HMGET per hit. (lastModified, which Next.js reads for its own staleness by time, is
//   the start time in milliseconds.)
//   Every expiry is immediate: a stale-while-revalidate profile (`{ expire: n > 0 }`) is
//   treated like expire 0 (stricter than Next.js; Vetted only uses expire 0).
// - The epoch. Each entry stores the epoch it was rendered under (the epoch seen by the get
//   that missed) and is a miss unless it equals the current one. The epoch is a field of the
//   tag-expiry hash itself, beside the run_id of the Redis server that created it:
//   * an entry can only be served together with the expiry record it was written against:
//     if the hash is lost (deleted, evicted, Redis restarted empty) the epoch goes with it,
//     a new one is made and every old entry dies;
//   * data restored from a snapshot (RDB/AOF after a crash, a backup, a lagging replica
//     promoted by failover) is only ever loaded by a Redis (re)start or by another server,
//     i.e. under a new run_id. Every new connection (all are dropped by a restart or a
//     failover) and every epochCheckMs (5 s, for a proxy that hides the switch) the handler
//     compares the stored run_id with the server's, atomically in one script; a mismatch
//     makes a new epoch, so the snapshot's entries, whose expiries the snapshot may not
//     know, are all misses. A snapshot carries the OLD epoch with it, which is why a key
//     "set when first seen missing" alone would not catch it. A render in flight across the
//     switch stores under the epoch of its get, so it is dead too. Cost: a Redis restart
//     empties the cache in effect. Loading old data into a *running* Redis (no restart)
//     must be followed by `rotateEpoch()` (or deleting the hash).
// - Redis down or slow: every call has a timeout (100 ms) and a circuit breaker opens after
//   3 consecutive failures for 5 s, then lets one call through (half-open). The client runs
//   without an offline queue (commands fail at once while disconnected). While Redis is
//   unusable get returns null (render from the database), set does nothing, revalidateTag
//   keeps the expiry in memory and returns; the expiries are replayed (at the replay's time)
//   before this process serves anything again (a get returns null while any are pending),
//   and past 10,000 pending tags the process rotates the epoch instead. Nothing throws.
//   Expiry writes (and the replica fence) are the exception to the breaker: a breaker is per
//   process, so while this one is open another instance may already be reading Redis again;
//   they go through with a 1 s budget, up to three times (and the client reconnects at most
//   500 ms apart).
//   The durable record of expiries is the PostgreSQL outbox (src/cache/expiry-outbox.ts):
//   `applyExpiries(tags)` applies expiries idempotently (newest per tag), and every instance
//   publishes outbox rows left unapplied.
// - Entries expire in Redis: pages at cacheControl.expire (Next serves stale until then),
//   data at twice its revalidate, at most maxTtlSeconds (1 day), so memory is bounded. The
//   tag hash has no TTL (Redis must not evict it: use a volatile-* maxmemory-policy or
//   noeviction; if it were evicted anyway the epoch goes with it, see above).
// - A "not found" page render is stored only where an entry exists (SET XX), as in
//   page-cache-handler.mjs: made-up addresses cost nothing, a retired article's page goes.
// - Entry keys carry the build id (`.next/BUILD_ID`): Next's keys do not (route-cache-key.js
//   hashes the source route only), and during a rolling deploy an old build's HTML names
//   assets the new build does not have. The tag-expiry hash and the epoch are shared by all
//   builds, so an expiry reaches every build still running.
// - Values are v8-serialized (Buffers and Maps round-trip), read back as Buffers.
// - Nothing is kept in memory but the in-flight bookkeeping above: no value can outlive an
//   expiry in this process. Single Redis node (no Cluster: the scripts touch one key).
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import v8 from 'node:v8'
import { createClient, RESP_TYPES } from 'redis'
import { isNotFoundPage } from './not-found-page.mjs'

const TAGS_HEADER = 'x-next-cache-tags'
// Fields of the tag hash that no tag can be (Next encodes tags to \t and printable ASCII).
const EPOCH_FIELD = '\nepoch'
const SERVER_FIELD = '\nserver'
const FENCE_FIELD = '\nfence'
const MAX_RECORDED_GETS = 1000
const ESSENTIAL_ATTEMPTS = 3

/**
 * @typedef {object} RedisCacheOptions
 * @property {string | undefined} url Redis URL (REDIS_URL); without one every call fails (no caching).
 * @property {string} keyPrefix REDIS_KEY_PREFIX, default `vetted:`.
 * @property {number} timeoutMs Budget of one Redis call (REDIS_CACHE_TIMEOUT_MS, 100).
 * @property {number} expiryTimeoutMs Budget of writing an expiry, past an open breaker (REDIS_CACHE_EXPIRY_TIMEOUT_MS, 1000).
 * @property {number} failureThreshold Consecutive failures that open the breaker (REDIS_CACHE_BREAKER_FAILURES, 3).
 * @property {number} cooldownMs How long the open breaker skips Redis (REDIS_CACHE_BREAKER_COOLDOWN_MS, 5000).
 * @property {number} epochCheckMs How often the server identity is re-checked (REDIS_CACHE_EPOCH_CHECK_MS, 5000).
 * @property {number} maxTtlSeconds Longest an entry stays in Redis (REDIS_CACHE_MAX_TTL_SECONDS, 86400).
 * @property {number} maxPendingTags Expiries kept for replay before rotating the epoch instead (10000).
 */

/** @typedef {{ ok: true, value: any } | { ok: false }} Outcome */
/** @typedef {{ startedUs: number, lastModified: number, epoch: string, tags: string[], value: any, cacheControl?: any }} StoredEntry */

const FAILED = /** @type {const} */ ({ ok: false })

const numberFrom = (/** @type {string | undefined} */ text, /** @type {number} */ fallback) => {
  const value = Number(text)
  return text !== undefined && text !== '' && Number.isFinite(value) && value >= 0 ? value : fallback
}

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {RedisCacheOptions}
 */
export function optionsFromEnv(env = process.env) {
  return {
    url: env.REDIS_URL || undefined,
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'vetted:',
    timeoutMs: numberFrom(env.REDIS_CACHE_TIMEOUT_MS, 100),
    expiryTimeoutMs: numberFrom(env.REDIS_CACHE_EXPIRY_TIMEOUT_MS, 1000),
    failureThreshold: Math.max(1, numberFrom(env.REDIS_CACHE_BREAKER_FAILURES, 3)),
    cooldownMs: numberFrom(env.REDIS_CACHE_BREAKER_COOLDOWN_MS, 5000),
    epochCheckMs: numberFrom(env.REDIS_CACHE_EPOCH_CHECK_MS, 5000),
    maxTtlSeconds: Math.max(1, numberFrom(env.REDIS_CACHE_MAX_TTL_SECONDS, 86400)),
    maxPendingTags: 10000,
  }
}

// Redis's clock in microseconds, as a Lua number (exact: far below 2^53).
const NOW_US = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])`

// Records the tags as expired now, on Redis's clock (keeping the newest per tag), after first
// raising the fence when one is given, in one step: no reader can see the expiry without the
// fence. ARGV: fence field, fence value ('' for none), tags...
const RECORD_EXPIRIES = `${NOW_US}
if ARGV[2] ~= '' then
  local fence = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
  if not fence or fence < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
end
for i = 3, #ARGV do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]))
  if not current or current < now then redis.call('HSET', KEYS[1], ARGV[i], string.format('%.0f', now)) end
end
return string.format('%.0f', now)`

// An entry and the time of the lookup. Returns { now, value } (value absent when none).
const GET_STAMPED = `${NOW_US}
return { string.format('%.0f', now), redis.call('GET', KEYS[1]) }`

// The current epoch, made anew when there is none or it was made by another server run
// (restart, restored snapshot, failover), and Redis's time. ARGV: epoch field, server field,
// new epoch. Returns { epoch, now }.
const SYNC_EPOCH = `${NOW_US}
local server = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
local stored = redis.call('HMGET', KEYS[1], ARGV[1], ARGV[2])
if stored[1] and stored[2] == server then return { stored[1], string.format('%.0f', now) } end
-- Another server run: its fence (if any) may be older than expiries it never saw.
redis.call('HDEL', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[2], server)
return { ARGV[3], string.format('%.0f', now) }`

// Raises the fence to ARGV[1] (a decimal number) unless it is already higher.
const RAISE_FENCE = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
if not current or current < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`

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

/** The build's id (`.next/BUILD_ID`, beside `.next/server`), read once per folder; '' if none. */
const BUILD_IDS = new Map()
function buildIdOf(/** @type {string | undefined} */ serverDistDir) {
  if (!serverDistDir) return ''
  let id = BUILD_IDS.get(serverDistDir)
  if (id === undefined) {
    try {
      id = readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
    } catch {
      id = ''
    }
    BUILD_IDS.set(serverDistDir, id)
  }
  return id
}

/**
 * Applies expiries made at `at` (ms) to the shared record, keeping the newest time per tag:
 * idempotent, so the outbox reconciler may replay them as often as it likes.
 * @returns {Promise<boolean>} whether Redis has them
 */
export function applyExpiries(/** @type {string[]} */ tags, state = defaultState(), /** @type {{ fence?: string }} */ options = {}) {
  return state.recordExpiries(tags.filter(isTag), true, options.fence)
}

const isTag = (/** @type {unknown} */ tag) => typeof tag === 'string' && tag.length > 0 && !tag.startsWith('\n')

/** The tags a stored page or route response carries in its headers. */
function headerTags(/** @type {any} */ value) {
  const header = value?.headers?.[TAGS_HEADER]
  const text = Array.isArray(header) ? header.join(',') : header
  return typeof text === 'string' && text ? text.split(',') : []
}

/** Seconds an entry stays in Redis: as long as Next.js could still serve it, within the cap. */
function ttlSeconds(/** @type {any} */ data, /** @type {any} */ ctx, /** @type {number} */ max) {
  let seconds = max
  if (data.kind === 'FETCH') {
    if (typeof data.revalidate === 'number' && data.revalidate > 0) seconds = data.revalidate * 2
  } else {
    const control = ctx?.cacheControl
    if (typeof control?.expire === 'number' && control.expire > 0) seconds = control.expire
    else if (typeof control?.revalidate === 'number' && control.revalidate > 0) seconds = control.revalidate * 2
  }
  return Math.max(1, Math.min(max, Math.ceil(seconds)))
}

export default class RedisCacheHandler {
  /**
   * @param {{ revalidatedTags?: string[], serverDistDir?: string, cacheState?: RedisCacheState, buildId?: string, [key: string]: unknown }} [ctx]
   *   Next.js's handler context; `cacheState` and `buildId` (tests) replace the process state
   *   and the build id read from `<distDir>/BUILD_ID`.
   */
  constructor(ctx = {}) {
    /** @type {RedisCacheState} */
    this.state = ctx.cacheState ?? defaultState()
    this.buildId = ctx.buildId ?? buildIdOf(ctx.serverDistDir)
    this.revalidatedTags = Array.isArray(ctx.revalidatedTags) ? ctx.revalidatedTags : []
    // Before the start of this request on Redis’s clock, and the epoch known then: the bound
    // for a set no get preceded.
    this.createdUs = this.state.lastRedisUs
    this.createdEpoch = this.state.knownEpoch()
    /** @type {Map<string, { at: number, epoch: string | undefined }>} key -> its first get since the last set */
    this.gets = new Map()
  }

  /** Remembers when a render of this key may have started (the earliest get, per key). */
  noteGet(/** @type {string} */ key, /** @type {number} */ at, /** @type {string | undefined} */ epoch) {
    if (this.gets.has(key)) return
    if (this.gets.size >= MAX_RECORDED_GETS) {
      const oldest = this.gets.keys().next().value
      if (oldest !== undefined) this.gets.delete(oldest)
    }
    this.gets.set(key, { at, epoch })
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<{ lastModified: number, value: any, cacheControl?: any } | null>}
   */
  async get(key, ctx) {
    try {
      const state = this.state
      const epoch = await state.currentEpoch()
      if (epoch === undefined) return this.miss(key)
      const socket = state.client?.socketEpoch
      const entryKey = state.keys.entry(this.buildId, key)
      const read = await state.run((_client, buffers) => buffers.eval(GET_STAMPED, { keys: [entryKey], arguments: [] }))
      // A render after a failed read is not stored (its epoch is unknown): Redis may be going away.
      if (!read.ok || !Array.isArray(read.value)) return this.miss(key)
      const [now, stored] = read.value
      const lookedUpUs = Number(String(now))
      if (!Number.isFinite(lookedUpUs)) return this.miss(key)
      state.noteRedisTime(lookedUpUs)
      this.noteGet(key, lookedUpUs, epoch)
      if (!stored) return null
      /** @type {StoredEntry} */
      const entry = v8.deserialize(stored)
      const wantsFetch = ctx?.kind === 'FETCH'
      if (!entry?.value || (entry.value.kind === 'FETCH') !== wantsFetch || !Number.isFinite(entry.startedUs)) return null
      const tags = [...new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(entry.tags ?? []), ...headerTags(entry.value)])].filter(
        isTag,
      )
      if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null
      const times = await state.run((client) => client.hmGet(state.keys.tags, [EPOCH_FIELD, ...tags]))
      if (!times.ok) return this.miss(key)
      const [current, ...expiredAt] = /** @type {(string | null)[]} */ (times.value)
      if (!current) {
        state.forgetEpoch() // the record is gone: make a new epoch before serving again
        return null
      }
      if (current !== epoch) state.adoptEpoch(current)
      if (entry.epoch !== current) return null
      // A reconnect during this get may mean another server: check it before serving.
      if (state.client?.socketEpoch !== socket || !state.isSynced()) return null
      if (expiredAt.some((at) => at != null && Number(at) >= entry.startedUs)) return null
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl }
    } catch (error) {
      this.state.warn(`Redis cache get of ${key} failed: ${String(error)}`)
      return this.miss(key)
    }
  }

  /** Records a lookup that failed: the render it leads to must not be stored. */
  miss(/** @type {string} */ key) {
    const earlier = this.gets.get(key)
    this.gets.delete(key)
    this.noteGet(key, earlier ? earlier.at : 0, undefined)
    return null
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    try {
      const state = this.state
      const got = this.gets.get(key)
      this.gets.delete(key)
      const startedUs = got ? got.at : this.createdUs
      const epoch = got ? got.epoch : this.createdEpoch
      // Rendered while Redis was unusable, or this process still owes Redis expiries: the
      // entry might predate an expiry Redis cannot compare it with. Do not store it.
      if (epoch === undefined || startedUs === undefined || state.pending.size > 0 || state.overflowed) return
      const entryKey = state.keys.entry(this.buildId, key)
      if (data == null) {
        await state.run((client) => client.del(entryKey))
        return
      }
      /** @type {StoredEntry} */
      const entry = {
        startedUs,
        lastModified: Math.floor(startedUs / 1000),
        epoch,
        tags: ctx?.fetchCache && Array.isArray(ctx.tags) ? ctx.tags : [],
        value: data,
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
      }
      const payload = v8.serialize(entry)
      const expiration = { type: /** @type {const} */ ('EX'), value: ttlSeconds(data, ctx, state.options.maxTtlSeconds) }
      // A "not found" render only replaces a stored page (XX), so made-up addresses store nothing.
      const options = isNotFoundPage(data) ? { expiration, condition: /** @type {const} */ ('XX') } : { expiration }
      await state.run((client) => client.set(entryKey, payload, options))
    } catch (error) {
      this.state.warn(`Redis cache set of ${key} failed: ${String(error)}`)
    }
  }

  /**
   * Expires the tags now on every instance. `durations` is accepted and every expiry is
   * immediate (stricter than stale-while-revalidate). Never throws.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [_durations]
   */
  async revalidateTag(tags, _durations) {
    try {
      const list = (typeof tags === 'string' ? [tags] : Array.isArray(tags) ? tags : []).filter(isTag)
      if (list.length === 0) return
      await this.state.recordExpiries(list)
    } catch (error) {
      this.state.warn(`Redis cache revalidateTag failed: ${String(error)}`)
    }
  }

  resetRequestCache() {}
}
