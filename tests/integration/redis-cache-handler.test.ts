// The shared cache handler against a real Redis (REDIS_TEST_URL, else a private redis-server
// the test starts and stops).
// Each RedisCacheState stands for one app process; each RedisCacheHandler for one request
// in it, as Next.js makes one handler per request. Keys live under a random prefix per test,
// deleted at the end. A small TCP proxy in front of Redis plays the network failing.
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, RESP_TYPES } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import RedisCacheHandler, { applyExpiries, RedisCacheState } from '../../src/cache/redis-cache-handler.mjs'
import { startRedis } from '../support/redis-server'

let REDIS_URL = process.env.REDIS_TEST_URL ?? ''
let stopRedis: (() => Promise<void>) | null = null
const RUN_PREFIX = `vetted-test:${randomUUID()}:`

type Options = ConstructorParameters<typeof RedisCacheState>[0]
const states: RedisCacheState[] = []
const proxies: FlakyProxy[] = []
let admin: ReturnType<typeof createClient>
let testNumber = 0

beforeAll(async () => {
  if (!REDIS_URL) {
    const redis = await startRedis()
    REDIS_URL = redis.url
    stopRedis = redis.stop
  }
  admin = createClient({ url: REDIS_URL })
  admin.on('error', () => {})
  await admin.connect()
})

afterAll(async () => {
  await Promise.all(states.map((state) => state.close()))
  for (const proxy of proxies) proxy.close()
  const keys: string[] = []
  for await (const batch of admin.scanIterator({ MATCH: `${RUN_PREFIX}*`, COUNT: 500 })) keys.push(...batch)
  if (keys.length > 0) await admin.del(keys)
  await admin.close()
  await stopRedis?.()
})

/** A fresh key space for one test: its own entries, tag record and epoch. */
const newPrefix = () => `${RUN_PREFIX}${++testNumber}:`

/**
 * One app process talking to Redis. Clock skew 0 and a 1 s budget per call unless a test is
 * about them (a pause of the test runner must not look like a slow Redis).
 */
function newProcess(keyPrefix: string, options: Options = {}) {
  const state = new RedisCacheState({ url: REDIS_URL, keyPrefix, timeoutMs: 1000, ...options })
  states.push(state)
  return state
}

/** One request in that process (Next.js builds a handler per request). */
const request = (state: RedisCacheState) => new RedisCacheHandler({ cacheState: state, revalidatedTags: [] })

const tick = (ms = 3) => new Promise((resolve) => setTimeout(resolve, ms))
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

// Values shaped as Next.js 16.4 stores them.
const PAGE_GET = { kind: 'APP_PAGE', isFallback: false }
const PAGE_SET = { cacheControl: { revalidate: 60, expire: 300 }, isFallback: false, isRoutePPREnabled: false }
const page = (html: string, tags: string[], status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`0:["${html}"]\n`),
  segmentData: new Map([
    ['/_tree', Buffer.from([0, 1, 2, 255])],
    ['/_full', Buffer.from('segment')],
  ]),
  postponed: undefined,
  headers: { 'x-next-cache-tags': tags.join(','), 'x-next-cache': 'HIT' },
  status,
})
const dataGet = (tags: string[], softTags: string[] = []) => ({ kind: 'FETCH', revalidate: 60, tags, softTags })
const dataSet = (tags: string[]) => ({ fetchCache: true, tags })
const data = (body: unknown) => ({
  kind: 'FETCH',
  data: { headers: {}, body: JSON.stringify(body), status: 200, url: '' },
  revalidate: 60,
})

/** A render as Next.js does it: look up, miss, render, store. Returns when the render began. */
async function render(handler: RedisCacheHandler, key: string, value: unknown, getCtx: unknown, setCtx: unknown) {
  const before = Date.now()
  expect(await handler.get(key, getCtx)).toBeNull()
  await tick()
  await handler.set(key, value, setCtx)
  return before
}

const waitUntil = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await tick(10)
  expect(check()).toBe(true)
}

/** Drops a process's connection, as a Redis restart or failover does. */
async function dropConnection(state: RedisCacheState) {
  const id = await state.client.clientId()
  const connection = state.client.socketEpoch
  await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(id)])
  await waitUntil(() => state.client.isReady && state.client.socketEpoch > connection)
}

describe('a cache shared by two processes', () => {
  it('serves in one process what another stored', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const began = await render(request(a), 'data-1', data({ title: 'Back pain' }), dataGet(['content']), dataSet(['content']))
    const hit = await request(b).get('data-1', dataGet(['content']))
    expect(hit?.value).toEqual(data({ title: 'Back pain' }))
    expect(hit?.lastModified).toBeGreaterThanOrEqual(began)
    expect(hit?.lastModified).toBeLessThan(Date.now())
  })

  it('misses in one process after another expired a tag, and stores again afterwards', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), 'data-2', data('old'), dataGet(['articles:slug:x']), dataSet(['articles:slug:x']))
    expect(await request(a).get('data-2', dataGet(['articles:slug:x']))).not.toBeNull()
    await tick()
    await request(b).revalidateTag(['articles:slug:x'], { expire: 0 })
    expect(await request(a).get('data-2', dataGet(['articles:slug:x']))).toBeNull()
    expect(await request(b).get('data-2', dataGet(['articles:slug:x']))).toBeNull()
    await tick()
    await render(request(a), 'data-2', data('new'), dataGet(['articles:slug:x']), dataSet(['articles:slug:x']))
    expect((await request(b).get('data-2', dataGet(['articles:slug:x'])))?.value).toEqual(data('new'))
  })

  it('expires data by the tags it was stored with and by the soft tags it is read with', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), 'data-3', data('x'), dataGet(['stored-tag']), dataSet(['stored-tag']))
    await render(request(a), 'data-4', data('y'), dataGet(['other']), dataSet(['other']))
    await tick()
    await request(b).revalidateTag('stored-tag')
    await request(b).revalidateTag('_N_T_/articles/y/page')
    // Read without naming the stored tag: the stored one still counts.
    expect(await request(a).get('data-3', dataGet([]))).toBeNull()
    expect(await request(a).get('data-4', dataGet(['other'], ['_N_T_/articles/y/page']))).toBeNull()
    expect(await request(a).get('data-4', dataGet(['other']))).not.toBeNull()
  })

  it('expires a page whose tags are only in its x-next-cache-tags header', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const key = '/route-cache/APP_PAGE/abc/$/articles/back-pain'
    await render(request(a), key, page('<p>v1</p>', ['content', 'articles:slug:back-pain']), PAGE_GET, PAGE_SET)
    await render(request(a), `${key}-2`, page('<p>other</p>', ['content', 'articles:slug:other']), PAGE_GET, PAGE_SET)
    expect(await request(b).get(key, PAGE_GET)).not.toBeNull()
    await tick()
    await request(b).revalidateTag(['articles:slug:back-pain'], { expire: 0 })
    expect(await request(a).get(key, PAGE_GET)).toBeNull()
    expect(await request(b).get(`${key}-2`, PAGE_GET)).not.toBeNull()
  })

  it('round-trips Buffers, Maps and the page lifetime', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const stored = page('<h1>Sleep</h1>', ['content'])
    await render(request(a), '/p', stored, PAGE_GET, PAGE_SET)
    const hit = await request(b).get('/p', PAGE_GET)
    expect(Buffer.isBuffer(hit?.value.rscData)).toBe(true)
    expect(hit?.value.rscData.equals(stored.rscData)).toBe(true)
    expect(hit?.value.segmentData).toBeInstanceOf(Map)
    expect(Buffer.isBuffer(hit?.value.segmentData.get('/_tree'))).toBe(true)
    expect([...hit!.value.segmentData.get('/_tree')]).toEqual([0, 1, 2, 255])
    expect(hit?.value.html).toBe('<h1>Sleep</h1>')
    expect(hit?.cacheControl).toEqual(PAGE_SET.cacheControl)
  })

  it('gives entries a TTL: a page until its expire, data twice its revalidate', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), '/ttl', page('p', []), PAGE_GET, PAGE_SET)
    await render(request(a), 'ttl-data', data('d'), dataGet([]), dataSet([]))
    const pageTtl = await admin.ttl(`${prefix}entry:/ttl`)
    const dataTtl = await admin.ttl(`${prefix}entry:ttl-data`)
    expect(pageTtl).toBeGreaterThan(290)
    expect(pageTtl).toBeLessThanOrEqual(300)
    expect(dataTtl).toBeGreaterThan(110)
    expect(dataTtl).toBeLessThanOrEqual(120)
  })
})

describe('builds', () => {
  it('keeps entries of two builds apart and expires them together', async () => {
    const prefix = newPrefix()
    const distDir = await mkdtemp(join(tmpdir(), 'vetted-build-'))
    await writeFile(join(distDir, 'BUILD_ID'), 'build-one\n')
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const oldBuild = () => new RedisCacheHandler({ cacheState: a, serverDistDir: join(distDir, 'server') })
    const newBuild = () => new RedisCacheHandler({ cacheState: b, buildId: 'build-two' })
    expect(oldBuild().buildId).toBe('build-one')
    await render(oldBuild(), '/p', page('old build', ['content']), PAGE_GET, PAGE_SET)
    expect(await admin.exists(`${prefix}entry:build-one:/p`)).toBe(1)
    expect(await newBuild().get('/p', PAGE_GET)).toBeNull()
    expect(await oldBuild().get('/p', PAGE_GET)).not.toBeNull()
    await tick()
    await newBuild().revalidateTag('content')
    expect(await oldBuild().get('/p', PAGE_GET)).toBeNull()
    await rm(distDir, { recursive: true, force: true })
  })
})

describe('a render that began before an expiry and stores after it', () => {
  it('is dated by the lookup that missed, so it is never served', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const renderInA = request(a)
    expect(await renderInA.get('race', dataGet(['articles:slug:r']))).toBeNull() // read the database...
    await tick()
    await request(b).revalidateTag(['articles:slug:r'], { expire: 0 }) // ...an approval commits...
    await tick()
    await renderInA.set('race', data('read before the approval'), dataSet(['articles:slug:r'])) // ...and stores.
    expect(await request(a).get('race', dataGet(['articles:slug:r']))).toBeNull()
    expect(await request(b).get('race', dataGet(['articles:slug:r']))).toBeNull()
  })

  it('without a lookup, is dated by the start of its request', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), 'warm', data('w'), dataGet([]), dataSet([])) // the process knows its epoch
    const renderInA = request(a)
    await tick()
    await request(b).revalidateTag('articles:slug:s')
    await tick()
    await renderInA.set('no-lookup', data('old'), dataSet(['articles:slug:s']))
    expect(await request(b).get('no-lookup', dataGet(['articles:slug:s']))).toBeNull()
    // A request that began after the expiry stores a usable entry.
    await render(request(a), 'no-lookup', data('new'), dataGet(['articles:slug:s']), dataSet(['articles:slug:s']))
    expect((await request(b).get('no-lookup', dataGet(['articles:slug:s'])))?.value).toEqual(data('new'))
  })

  it('counts the first lookup of a key since its last store', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const handler = request(a)
    await render(handler, 'twice', data(1), dataGet(['t']), dataSet(['t']))
    await tick()
    await request(b).revalidateTag('t')
    await tick()
    // The same request looks the key up again (a miss: expired), renders and stores.
    await render(handler, 'twice', data(2), dataGet(['t']), dataSet(['t']))
    expect((await request(b).get('twice', dataGet(['t'])))?.value).toEqual(data(2))
  })

  it('compares times on Redis’s clock: an instance whose own clock runs ahead cannot make an old render look fresh', async () => {
    const prefix = newPrefix()
    const ahead = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(ahead), 'warm', data('w'), dataGet([]), dataSet([])) // knows its epoch and Redis's time
    const clock = vi.spyOn(Date, 'now')
    const realNow = clock.getMockImplementation() ?? (() => new Date().getTime())
    clock.mockImplementation(() => realNow() + 60_000) // this instance's clock: a minute fast
    try {
      const withLookup = request(ahead)
      const withoutLookup = request(ahead)
      expect(await withLookup.get('ahead', dataGet(['clock']))).toBeNull()
      await tick()
      await request(b).revalidateTag('clock') // an approval, on another instance
      await tick()
      await withLookup.set('ahead', data('read before the approval'), dataSet(['clock']))
      await withoutLookup.set('ahead-2', data('read before the approval'), dataSet(['clock']))
    } finally {
      clock.mockRestore()
    }
    expect(await request(b).get('ahead', dataGet(['clock']))).toBeNull()
    expect(await request(b).get('ahead-2', dataGet(['clock']))).toBeNull()
  })

  it('shares a render made right after an expiry at once (no margin for clocks)', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), 'p', data('old'), dataGet(['now']), dataSet(['now']))
    await request(b).revalidateTag('now')
    await render(request(a), 'p', data('new'), dataGet(['now']), dataSet(['now']))
    expect((await request(b).get('p', dataGet(['now'])))?.value).toEqual(data('new'))
  })
})

describe('Redis unreachable or slow', () => {
  it('answers at once without throwing, and the breaker stops trying', async () => {
    const down = newProcess(newPrefix(), {
      url: 'redis://127.0.0.1:1',
      timeoutMs: 100,
      failureThreshold: 3,
      cooldownMs: 400,
      expiryTimeoutMs: 200,
    })
    const handler = request(down)
    for (let i = 0; i < 5; i++) {
      const got = await timed(() => handler.get(`k${i}`, dataGet(['t'])))
      expect(got.result).toBeNull()
      expect(got.ms).toBeLessThan(200)
      const set = await timed(() => handler.set(`k${i}`, data(i), dataSet(['t'])))
      expect(set.ms).toBeLessThan(200)
    }
    expect(down.stats.attempts).toBe(3)
    expect(down.stats.skipped).toBe(2)
    expect(down.stats.opened).toBe(1)
    // After the cool-down exactly one call tries; it fails and the breaker opens again.
    await tick(450)
    expect(await handler.get('k', dataGet([]))).toBeNull()
    expect(await handler.get('k', dataGet([]))).toBeNull()
    expect(down.stats.attempts).toBe(4)
    expect(down.stats.opened).toBe(2)
    // An expiry is tried all the same (another instance may be reading Redis), three times
    // within its own budget each, and kept for replay when it fails.
    const expired = await timed(() => handler.revalidateTag(['t'], { expire: 0 }))
    expect(expired.ms).toBeLessThan(3 * down.options.expiryTimeoutMs + 200)
    expect(down.stats.attempts).toBe(7)
    expect(down.pending.has('t')).toBe(true)
  })

  it('writes an expiry through an open breaker as soon as Redis answers again', async () => {
    const prefix = newPrefix()
    const proxy = await FlakyProxy.start(REDIS_URL)
    const a = newProcess(prefix, { url: proxy.url, timeoutMs: 100, failureThreshold: 1, cooldownMs: 60_000, expiryTimeoutMs: 2000 })
    const b = newProcess(prefix)
    await render(request(a), 'kept', data('k'), dataGet(['approved']), dataSet(['approved']))
    expect(await request(b).get('kept', dataGet(['approved']))).not.toBeNull()
    proxy.goDown()
    await tick()
    expect(await request(a).get('kept', dataGet(['approved']))).toBeNull()
    expect(a.stats.opened).toBe(1)
    proxy.comeBack()
    // The breaker stays open for a minute, yet the expiry goes through and b stops serving.
    expect(await applyExpiries(['approved'], a)).toBe(true)
    expect(a.pending.size).toBe(0)
    expect(await request(b).get('kept', dataGet(['approved']))).toBeNull()
  })

  it('does not store what was rendered while Redis was unusable', async () => {
    const prefix = newPrefix()
    const proxy = await FlakyProxy.start(REDIS_URL)
    const a = newProcess(prefix, { url: proxy.url, cooldownMs: 200 })
    const b = newProcess(prefix)
    await render(request(a), 'warm', data('w'), dataGet([]), dataSet([]))
    expect(await request(a).get('warm', dataGet([]))).not.toBeNull()
    proxy.goDown()
    const renderInA = request(a)
    expect(await renderInA.get('during-outage', dataGet([]))).toBeNull()
    proxy.comeBack()
    await tick(250)
    await waitUntil(() => a.client.isReady)
    await renderInA.set('during-outage', data('?'), dataSet([]))
    expect(await admin.exists(`${prefix}entry:during-outage`)).toBe(0)
    expect(await request(b).get('during-outage', dataGet([]))).toBeNull()
  })

  it('times out a stalled Redis within the budget', async () => {
    const prefix = newPrefix()
    const proxy = await FlakyProxy.start(REDIS_URL)
    const a = newProcess(prefix, { url: proxy.url, timeoutMs: 100, failureThreshold: 2, cooldownMs: 10_000, expiryTimeoutMs: 150 })
    await render(request(a), 'slow', data('s'), dataGet([]), dataSet([]))
    expect(await request(a).get('slow', dataGet([]))).not.toBeNull()
    proxy.stall()
    const handler = request(a)
    for (let i = 0; i < 4; i++) {
      const got = await timed(() => handler.get('slow', dataGet([])))
      expect(got.result).toBeNull()
      expect(got.ms).toBeLessThan(200)
    }
    expect(a.stats.failures).toBe(2)
    expect(a.stats.skipped).toBeGreaterThanOrEqual(2)
    // An expiry tries past the open breaker, three times, and gives up within its budgets.
    const expired = await timed(() => handler.revalidateTag('slow-tag'))
    expect(expired.ms).toBeLessThan(3 * 150 + 150)
    expect(a.stats.failures).toBe(5)
  })

  it('keeps expiries made during an outage and replays them before serving again', async () => {
    const prefix = newPrefix()
    const proxy = await FlakyProxy.start(REDIS_URL)
    const a = newProcess(prefix, { url: proxy.url, timeoutMs: 150, failureThreshold: 1, cooldownMs: 200 })
    const b = newProcess(prefix)
    await render(request(a), 'kept', data('k'), dataGet(['approved']), dataSet(['approved']))
    await render(request(a), 'other', data('o'), dataGet(['untouched']), dataSet(['untouched']))
    expect(await request(b).get('kept', dataGet(['approved']))).not.toBeNull()
    expect(await request(b).get('other', dataGet(['untouched']))).not.toBeNull()
    proxy.goDown()
    await tick()
    // Returns although Redis is away, telling the caller it does not have the expiry.
    expect(await applyExpiries(['approved'], a)).toBe(false)
    expect(a.pending.has('approved')).toBe(true)
    expect(await request(a).get('kept', dataGet(['approved']))).toBeNull()
    proxy.comeBack()
    await tick(250)
    await waitUntil(() => a.client.isReady)
    // The first call after the outage replays the expiry, then serves what is still valid.
    expect(await request(a).get('other', dataGet(['untouched']))).not.toBeNull()
    expect(a.pending.size).toBe(0)
    expect(await request(b).get('kept', dataGet(['approved']))).toBeNull()
    expect(await request(b).get('other', dataGet(['untouched']))).not.toBeNull()
  })

  it('serves nothing while one of its own expiries has not reached Redis, though reads work', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix, { timeoutMs: 100, failureThreshold: 10, expiryTimeoutMs: 150 })
    const b = newProcess(prefix)
    await render(request(a), 'owed', data('o'), dataGet(['approved']), dataSet(['approved']))
    expect(await request(a).get('owed', dataGet(['approved']))).not.toBeNull()
    // Writing the expiry hangs (reads still answer): a write lost on the way.
    const client = a.client
    const realEval = client.eval
    client.eval = () => new Promise(() => {})
    try {
      const expired = await timed(() => request(a).revalidateTag('approved'))
      expect(expired.ms).toBeLessThan(3 * 150 + 150) // three tries of 150 ms
      expect(a.pending.has('approved')).toBe(true)
      expect(await request(a).get('owed', dataGet(['approved']))).toBeNull()
    } finally {
      client.eval = realEval
    }
    expect(await request(a).get('owed', dataGet(['approved']))).toBeNull()
    expect(a.pending.size).toBe(0)
    expect(await request(b).get('owed', dataGet(['approved']))).toBeNull()
  })

  it('makes every entry a miss when it had to drop expiries it could not keep', async () => {
    const prefix = newPrefix()
    const proxy = await FlakyProxy.start(REDIS_URL)
    const a = newProcess(prefix, { url: proxy.url, failureThreshold: 1, cooldownMs: 200, maxPendingTags: 2 })
    const b = newProcess(prefix)
    await render(request(a), 'untagged', data('u'), dataGet(['never-expired']), dataSet(['never-expired']))
    expect(await request(b).get('untagged', dataGet(['never-expired']))).not.toBeNull()
    proxy.goDown()
    await tick()
    await request(a).revalidateTag(['t1', 't2', 't3'])
    expect(a.overflowed).toBe(true)
    expect(a.pending.size).toBeLessThanOrEqual(2)
    proxy.comeBack()
    await tick(250)
    await waitUntil(() => a.client.isReady)
    expect(await request(a).get('untagged', dataGet(['never-expired']))).toBeNull()
    expect(a.overflowed).toBe(false)
    expect(await request(b).get('untagged', dataGet(['never-expired']))).toBeNull()
  })

  it('applies expiries from elsewhere (the outbox) at Redis’s time, again and again', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), 'outbox', data('x'), dataGet(['o']), dataSet(['o']))
    const redisUs = async () => {
      const [seconds, micros] = (await admin.sendCommand(['TIME'])) as [string, string]
      return Number(seconds) * 1_000_000 + Number(micros)
    }
    const before = await redisUs()
    expect(await applyExpiries(['o'], a)).toBe(true)
    const first = Number(await admin.hGet(`${prefix}tags`, 'o'))
    expect(first).toBeGreaterThanOrEqual(before)
    expect(first).toBeLessThanOrEqual(await redisUs())
    expect(await applyExpiries(['o'], a)).toBe(true) // a replay only moves it later
    expect(Number(await admin.hGet(`${prefix}tags`, 'o'))).toBeGreaterThanOrEqual(first)
    expect(await request(a).get('outbox', dataGet(['o']))).toBeNull()
  })
})

describe('the replica fence', () => {
  it('is raised in the same step as the expiry, and only ever raised', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    expect(await applyExpiries(['f'], a, { fence: '500' })).toBe(true)
    expect(await admin.hGet(`${prefix}tags`, '\nfence')).toBe('500')
    expect(await admin.hGet(`${prefix}tags`, 'f')).not.toBeNull()
    expect(await applyExpiries(['f'], a, { fence: '400' })).toBe(true)
    expect(await a.readFence()).toBe('500')
  })

  it('is dropped with the epoch when another server run is found (a restart, a restored snapshot)', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), 'x', data('x'), dataGet([]), dataSet([]))
    await admin.hSet(`${prefix}tags`, { '\nfence': '900', '\nserver': 'another-run' })
    a.forgetEpoch()
    expect(await request(a).get('x', dataGet([]))).toBeNull()
    expect(await admin.hGet(`${prefix}tags`, '\nfence')).toBeNull()
  })
})

describe('an epoch per Redis data set', () => {
  it('misses entries stored under another epoch, also those rendered before it changed', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), 'e1', data('1'), dataGet([]), dataSet([]))
    const inFlight = request(a)
    expect(await inFlight.get('e2', dataGet([]))).toBeNull()
    await admin.hSet(`${prefix}tags`, '\nepoch', 'restored-elsewhere')
    await inFlight.set('e2', data('2'), dataSet([]))
    expect(await request(b).get('e1', dataGet([]))).toBeNull()
    expect(await request(b).get('e2', dataGet([]))).toBeNull()
    await render(request(b), 'e3', data('3'), dataGet([]), dataSet([]))
    expect(await request(a).get('e3', dataGet([]))).not.toBeNull()
  })

  it('serves nothing stored before an old snapshot was restored', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    const tagsKey = `${prefix}tags`
    const entryKey = `${prefix}entry:/articles/retired`
    await render(request(a), '/articles/retired', page('<p>retired advice</p>', ['articles:slug:retired']), PAGE_GET, PAGE_SET)
    // The snapshot, taken before the retirement.
    const snapshotTags = await admin.hGetAll(tagsKey)
    const snapshotEntry = await admin.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(entryKey)
    await tick()
    await request(b).revalidateTag(['articles:slug:retired'], { expire: 0 })
    expect(await request(a).get('/articles/retired', PAGE_GET)).toBeNull()
    // Redis restarts from that snapshot: the data comes back as it was, under a new server
    // run (its run_id differs from the one the snapshot was written under), and every
    // connection drops.
    await admin.del(tagsKey)
    await admin.hSet(tagsKey, { ...snapshotTags, '\nserver': 'run-id-of-the-server-that-wrote-the-snapshot' })
    await admin.set(entryKey, snapshotEntry as Buffer)
    await Promise.all([dropConnection(a), dropConnection(b)])
    expect(await request(a).get('/articles/retired', PAGE_GET)).toBeNull()
    expect(await request(b).get('/articles/retired', PAGE_GET)).toBeNull()
  })

  it('checks the server again every epochCheckMs, for a switch no reconnect revealed', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix, { epochCheckMs: 50 })
    await render(request(a), 'proxied', data('p'), dataGet([]), dataSet([]))
    await admin.hSet(`${prefix}tags`, '\nserver', 'another-server-behind-the-same-address')
    expect(await request(a).get('proxied', dataGet([]))).not.toBeNull() // within the interval
    await tick(60)
    expect(await request(a).get('proxied', dataGet([]))).toBeNull()
  })

  it('keeps entries across a dropped connection to the same server', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), 'stays', data('s'), dataGet([]), dataSet([]))
    await dropConnection(a)
    expect(await request(a).get('stays', dataGet([]))).not.toBeNull()
  })

  it('misses every entry when the expiry record is lost (evicted or deleted)', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), 'lost', data('l'), dataGet(['gone']), dataSet(['gone']))
    await tick()
    await request(a).revalidateTag('gone')
    await admin.del(`${prefix}tags`)
    expect(await admin.exists(`${prefix}entry:lost`)).toBe(1)
    expect(await request(a).get('lost', dataGet(['gone']))).toBeNull()
    expect(await request(a).get('lost', dataGet(['gone']))).toBeNull()
  })

  it('rotates on request after old data was loaded into a running Redis', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    await render(request(a), 'rot', data('r'), dataGet([]), dataSet([]))
    expect(await a.rotateEpoch()).toBe(true)
    expect(await request(a).get('rot', dataGet([]))).toBeNull()
  })
})

describe('not-found pages', () => {
  it('stores a 404 only where it replaces a stored page', async () => {
    const prefix = newPrefix()
    const a = newProcess(prefix)
    const b = newProcess(prefix)
    await render(request(a), '/articles/made-up', page('not found', [], 404), PAGE_GET, PAGE_SET)
    expect(await admin.exists(`${prefix}entry:/articles/made-up`)).toBe(0)
    await render(request(a), '/articles/retired', page('advice', ['articles:slug:retired']), PAGE_GET, PAGE_SET)
    const handler = request(a)
    await handler.set('/articles/retired', page('not found', [], 404), PAGE_SET)
    const hit = await request(b).get('/articles/retired', PAGE_GET)
    expect(hit?.value.status).toBe(404)
    expect(hit?.value.html).toBe('not found')
  })
})

/** A TCP proxy in front of Redis that can go down, or stop passing data on (a stalled server). */
class FlakyProxy {
  private sockets = new Set<net.Socket>()
  private mode: 'pass' | 'stall' | 'down' = 'pass'
  private constructor(
    private server: net.Server,
    readonly url: string,
  ) {}

  static async start(target: string) {
    const upstreamUrl = new URL(target)
    const holder: { proxy?: FlakyProxy } = {}
    const server = net.createServer((client) => holder.proxy?.accept(client, upstreamUrl))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    const url = new URL(target)
    url.hostname = '127.0.0.1'
    url.port = String(port)
    const proxy = new FlakyProxy(server, url.toString())
    holder.proxy = proxy
    proxies.push(proxy)
    return proxy
  }

  private accept(client: net.Socket, upstreamUrl: URL) {
    if (this.mode === 'down') return void client.destroy()
    const upstream = net.connect(Number(upstreamUrl.port || 6379), upstreamUrl.hostname)
    for (const socket of [client, upstream]) {
      this.sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => {
        this.sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.on('data', (chunk) => this.mode === 'pass' && upstream.write(chunk))
    upstream.on('data', (chunk) => this.mode === 'pass' && client.write(chunk))
  }

  goDown() {
    this.mode = 'down'
    for (const socket of this.sockets) socket.destroy()
  }

  comeBack() {
    this.mode = 'pass'
  }

  stall() {
    this.mode = 'stall'
  }

  close() {
    this.goDown()
    this.server.close()
  }
}
