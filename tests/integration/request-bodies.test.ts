// What the app's routes take before anything else runs: a body within the limit (413 past it,
// declared or chunked, before Payload reads it whole: a 120 MB body once exhausted the heap and
// killed the server), JSON for a change to the review (415), and a write made with the login
// cookie only from the app's own origin (403). Through the app's own route handlers.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { POST as GRAPHQL_POST } from '@/app/(payload)/api/graphql/route'
import { POST } from '@/app/(payload)/api/[...slug]/route'
import { ensureSeeded } from '../support/content'
import { loginToken, rest, testPayload } from '../support/payload'
import { JSON_ONLY_MESSAGE } from '@/http/request-body'
import { CROSS_ORIGIN_MESSAGE } from '@/http/same-origin'

const MiB = 1024 * 1024

beforeAll(async () => ensureSeeded(await testPayload()))
afterEach(() => {
  delete process.env.VETTED_MAX_BODY_BYTES
})

/**
 * A body of `size` bytes made as it is read, which counts how much of it was read. It stalls
 * once `stallAt` bytes are out, until `release()`: an answer that comes while it is stalled
 * did not wait for the whole body.
 */
function countedBody(size: number, stallAt: number) {
  const chunk = 64 * 1024
  const read = { bytes: 0 }
  const piece = new Uint8Array(chunk).fill(0x61)
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (read.bytes >= stallAt) await released
      if (read.bytes >= size) return controller.close()
      const next = piece.subarray(0, Math.min(chunk, size - read.bytes))
      read.bytes += next.byteLength
      controller.enqueue(next)
    },
  })
  return { stream, read, release }
}

/** Resolves once nothing more is read from the body for a moment. */
async function settled(read: { bytes: number }) {
  for (let last = -1; last !== read.bytes;) {
    last = read.bytes
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return read.bytes
}

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) => {
  const request = new Request(`http://localhost:3000/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
  return path === '/graphql' ? GRAPHQL_POST(request) : POST(request, { params: Promise.resolve({ slug: path.slice(1).split('/') }) })
}

describe('the request body limit', () => {
  it.each(['/users/login', '/users/forgot-password', '/feedback/send', '/graphql', '/articles/1/approve'])(
    'refuses a chunked 120 MB body to %s while it arrives, then reads and drops the rest',
    async (path) => {
      const { stream, read, release } = countedBody(120 * MiB, 2 * MiB)
      const response = await post(path, stream)
      expect(response.status).toBe(413)
      expect((await response.json()).errors[0].message).toBe(
        'The request body is larger than 1 MB (1048576 bytes), the most this server accepts.',
      )
      // Answered while the client was still sending (the body stalled at 2 MB).
      expect(read.bytes).toBeLessThanOrEqual(2 * MiB)
      // The rest is drained, not left in the connection (a reset could overtake the 413).
      release()
      expect(await settled(read)).toBe(120 * MiB)
    },
  )

  it('refuses a declared 120 MB body before keeping any of it', async () => {
    const { stream, read, release } = countedBody(120 * MiB, 0)
    const response = await post('/graphql', stream, { 'content-length': String(120 * MiB) })
    expect(response.status).toBe(413)
    expect(read.bytes).toBe(0)
    release()
    expect(await settled(read)).toBe(120 * MiB)
  })

  it('stops draining a refused body that never ends, after a few seconds', async () => {
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve))
        controller.enqueue(new Uint8Array(64 * 1024))
      },
      cancel() {
        cancelled = true
      },
    })
    const response = await post('/graphql', endless)
    expect(response.status).toBe(413)
    expect(cancelled).toBe(false)
    await expect.poll(() => cancelled, { timeout: 8000, interval: 200 }).toBe(true)
  })

  it('takes a body of exactly the limit and refuses one byte more, counting bytes, not characters', async () => {
    process.env.VETTED_MAX_BODY_BYTES = String(4096)
    const padded = (bytes: number) => {
      const start = '{"email":"nobody@example.com","password":"'
      const fill = 'é'.repeat((bytes - start.length - 2) / 2)
      return `${start}${fill}"}`
    }
    expect(Buffer.byteLength(padded(4096))).toBe(4096)
    expect((await post('/users/login', padded(4096))).status).toBe(401)
    const over = await post('/users/login', padded(4098))
    expect(over.status).toBe(413)
    expect((await over.json()).errors[0].message).toBe('The request body is larger than 4 KB (4096 bytes), the most this server accepts.')
  })

  it('passes the body on whole: a login within the limit works', async () => {
    const response = await rest('anonymous', 'POST', '/users/login', { email: 'editor@example.com', password: 'wrong password' })
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/incorrect/i)
  })
})

describe('the smaller limits of Vetted’s own endpoints', () => {
  it('counts bytes: 40,000 two-byte characters are over the 64 KB of a workflow body', async () => {
    const response = await rest('reviewer', 'POST', '/articles/1/request-changes', { versionId: '1', comment: 'é'.repeat(40_000) })
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toBe('The request body is larger than 64 KB, the most this endpoint takes.')
  })
})

describe('changes from other origins and in other formats', () => {
  it('refuses a workflow action sent as anything but JSON (415), even empty', async () => {
    const token = await loginToken('reviewer@example.com', process.env.SEED_PASSWORD || 'vetted-demo')
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      const headers: Record<string, string> = { authorization: `JWT ${token}` }
      if (type) headers['content-type'] = type
      const request = new Request('http://localhost:3000/api/tips/1/approve', { method: 'POST', headers, body: type ? '{}' : undefined })
      const response = await POST(request, { params: Promise.resolve({ slug: ['tips', '1', 'approve'] }) })
      expect(response.status, String(type)).toBe(415)
      expect((await response.json()).errors[0].message).toBe(JSON_ONLY_MESSAGE)
    }
  })

  it('refuses a write with the login cookie from another origin of the same site (403), on REST and GraphQL', async () => {
    const token = await loginToken('reviewer@example.com', process.env.SEED_PASSWORD || 'vetted-demo')
    const headers = { cookie: `payload-token=${token}`, 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }
    const approve = await POST(new Request('http://localhost:3000/api/tips/1/approve', { method: 'POST', headers, body: '{}' }), {
      params: Promise.resolve({ slug: ['tips', '1', 'approve'] }),
    })
    expect(approve.status).toBe(403)
    expect((await approve.json()).errors[0].message).toBe(CROSS_ORIGIN_MESSAGE)
    const mutation = await GRAPHQL_POST(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: 'mutation { logoutUser }' }),
      }),
    )
    expect(mutation.status).toBe(403)
    // From its own origin the cookie works.
    const own = await POST(
      new Request('http://localhost:3000/api/tips/1/approve', {
        method: 'POST',
        headers: { ...headers, 'sec-fetch-site': 'same-origin' },
        body: '{}',
      }),
      { params: Promise.resolve({ slug: ['tips', '1', 'approve'] }) },
    )
    expect(own.status).not.toBe(403)
  })
})
