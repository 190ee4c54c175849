// The outbox of cache expiries (src/cache/expiry-outbox.ts) with the shared cache switched on
// (REDIS_URL, a private redis-server): an approval's expiry is in PostgreSQL with the
// approval, and in Redis before the approval answers; what no process published is published
// by any instance.
import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import pg from 'pg'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultState } from '../../src/cache/redis-cache-handler.mjs'
import { reconcileOutbox } from '../../src/cache/expiry-outbox'
import { articleData } from '../support/content'
import { testPayload, unique } from '../support/payload'
import { startRedis } from '../support/redis-server'
import { act, createDraft, publishThroughWorkflow, submit } from '../support/workflow'

let payload: Payload
let redis: Awaited<ReturnType<typeof startRedis>>
let reader: ReturnType<typeof createClient>
let db: pg.Client
const prefix = `vetted-outbox-test:${randomUUID()}:`
const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_KEY_PREFIX }

beforeAll(async () => {
  redis = await startRedis()
  process.env.REDIS_URL = redis.url
  process.env.REDIS_KEY_PREFIX = prefix
  payload = await testPayload()
  reader = connectReader()
  await reader.connect()
  db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
})

afterAll(async () => {
  await defaultState().close()
  process.env.REDIS_URL = saved.url
  process.env.REDIS_KEY_PREFIX = saved.prefix
  if (saved.url === undefined) delete process.env.REDIS_URL
  if (saved.prefix === undefined) delete process.env.REDIS_KEY_PREFIX
  reader?.destroy()
  await db?.end()
  await redis?.stop()
})

function connectReader() {
  const client = createClient({ url: redis.url })
  client.on('error', () => {}) // Redis is stopped on purpose below
  return client
}

const expiredAt = async (tag: string) => {
  const value = await reader.hGet(`${prefix}tags`, tag)
  return value == null ? null : Number(value)
}

const outboxRowsFor = async (tag: string) =>
  (
    await db.query<{ tags: string[]; applied_at: Date | null }>(
      `select tags, applied_at from cache_expiries where $1 = any(tags) order by id`,
      [tag],
    )
  ).rows

describe('the outbox of cache expiries', () => {
  it('records an approval’s expired tags with it, and publishes them to every instance before answering', async () => {
    const slug = unique('outbox').toLowerCase()
    const tag = `articles:slug:${slug}`
    const before = Date.now()
    await publishThroughWorkflow('articles', { ...articleData(), slug })
    const rows = await outboxRowsFor(tag)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tags).toEqual(expect.arrayContaining(['articles:list', tag]))
    expect(rows[0]!.applied_at).not.toBeNull()
    expect(await expiredAt(tag)).toBeGreaterThanOrEqual(before)
  })

  it('writes nothing for actions that change nothing readers see', async () => {
    const slug = unique('outbox').toLowerCase()
    const id = await createDraft('editor', 'articles', { ...articleData(), slug })
    const versionId = await submit('editor', 'articles', id)
    const response = await act('reviewer', 'articles', id, 'request-changes', { versionId, comment: 'Cite the guideline.' })
    expect(response.status).toBe(200)
    expect(await outboxRowsFor(`articles:slug:${slug}`)).toEqual([])
  })

  it('publishes what a process committed but never published, and leaves what is still being published', async () => {
    const abandoned = `outbox-abandoned-${randomUUID()}`
    const inFlight = `outbox-in-flight-${randomUUID()}`
    await db.query(`insert into cache_expiries (tags, created_at) values (array[$1], now() - interval '1 minute'), (array[$2], now())`, [
      abandoned,
      inFlight,
    ])
    const before = Date.now()
    expect(await reconcileOutbox(payload, () => {}, { runner: false })).toBeGreaterThanOrEqual(1)
    expect(await expiredAt(abandoned)).toBeGreaterThanOrEqual(before)
    expect((await outboxRowsFor(abandoned))[0]!.applied_at).not.toBeNull()
    expect(await expiredAt(inFlight)).toBeNull()
    expect((await outboxRowsFor(inFlight))[0]!.applied_at).toBeNull()
    // Published once: a second pass finds nothing left of it.
    await db.query(`delete from cache_expiries where $1 = any(tags)`, [inFlight])
    expect(await reconcileOutbox(payload, () => {}, { runner: false })).toBe(0)
  })

  it('keeps the row when Redis cannot take the expiry, and publishes it once Redis is back', async () => {
    const tag = `outbox-outage-${randomUUID()}`
    await db.query(`insert into cache_expiries (tags, created_at) values (array[$1], now() - interval '1 minute')`, [tag])
    await redis.stop()
    expect(await reconcileOutbox(payload, () => {}, { runner: false })).toBe(0)
    expect((await outboxRowsFor(tag))[0]!.applied_at).toBeNull()
    redis = await startRedis({ port: redis.port })
    reader.destroy()
    reader = connectReader()
    await reader.connect()
    await expect.poll(() => reconcileOutbox(payload, () => {}, { runner: false }), { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    expect(await expiredAt(tag)).not.toBeNull()
    expect((await outboxRowsFor(tag))[0]!.applied_at).not.toBeNull()
  })
})
