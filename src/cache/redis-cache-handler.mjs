// @ts-check
// A Next.js incremental cache shared by several app instances through Redis (next.config.mjs
// loads it when REDIS_URL is set): rendered pages and `unstable_cache` data live in Redis, and so
// does the time each cache tag was last expired, so an approval expires the old page on every
// instance. Plain JavaScript with checked JSDoc types: Next.js loads it at run time, uncompiled.
//
// The contract it implements is Next.js's `cacheHandler` (the CacheHandler interface of
// `next/dist/server/lib/incremental-cache`), as read in Next.js 16.4.6:
// - a new handler per request (IncrementalCache is per request), so what one render did is
//   kept on the instance and what the process shares (client, breaker, epoch) in ./redis/state.mjs;
// - get(key, ctx) resolves to null or { lastModified, value, cacheControl? }; for data
//   (`unstable_cache`) ctx is { kind: 'FETCH', tags, softTags }, for pages the tags are in the
//   value's `x-next-cache-tags` header; errors thrown by get reach the render, so it never throws;
// - a render's set(key, data, ctx) comes on the same instance as the get that missed;
// - revalidateTag(tags, { expire }) expires tags (Vetted always means "now");
// - resetRequestCache() at the start of each request.
// Other processes never learn of an expiry from Next.js itself (its tag manifest is per
// process), so the handler answers null for expired entries on its own. The multi-instance
// end-to-end tests and tests/integration/redis-cache-handler.test.ts fail if an upgrade breaks this.
//
// When an entry is fresh: its start time is when the render that produced it may have begun
// reading (the Redis time of this instance's first get of the key since its last set, else the
// latest Redis time this process had seen when the instance was made), never when it was
// stored; it is expired when any of its tags was expired at or after that time, or when it was
// rendered under another epoch. So a render that began before an approval and stored after it
// is never served. A render after a failed lookup, or while this process owes Redis expiries,
// is not stored at all.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import v8 from 'node:v8'
import { isNotFoundPage } from './not-found-page.mjs'
import { EPOCH_FIELD, GET_STAMPED } from './redis/scripts.mjs'
import { defaultState, RedisCacheState } from './redis/state.mjs'

export { defaultState, RedisCacheState }

/** @typedef {{ startedUs: number, lastModified: number, epoch: string, tags: string[], value: any, cacheControl?: any }} StoredEntry */

const TAGS_HEADER = 'x-next-cache-tags'
// Gets remembered per instance (an evicted key falls back to the instance's creation time: still safe).
const MAX_RECORDED_GETS = 1000

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
