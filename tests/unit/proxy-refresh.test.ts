// The app asks the nginx micro-cache to fetch changed pages again after an approval.
// A real HTTP server stands in for nginx and records what arrives.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { refreshProxy } from '@/cache/proxy-refresh'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

async function recordingProxy(answerAfterMs: number) {
  const seen: { path: string; headers: IncomingHttpHeaders; at: number; done?: number }[] = []
  const server = createServer((req, res) => {
    const entry = { path: req.url ?? '', headers: req.headers, at: Date.now() } as (typeof seen)[number]
    seen.push(entry)
    setTimeout(() => {
      entry.done = Date.now()
      res.end('ok')
    }, answerAfterMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { seen, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('refreshProxy', () => {
  it('asks for each page in order, one at a time, with the token and the public host', async () => {
    const proxy = await recordingProxy(30)
    process.env.CACHE_REFRESH_URL = proxy.url
    process.env.CACHE_REFRESH_TOKEN = 'secret-token'
    process.env.SERVER_URL = 'https://health.example.org'
    refreshProxy(['/articles/a', '/', '/topics/t'])
    await waitFor(() => proxy.seen.filter((s) => s.done).length === 3)
    proxy.server.close()
    expect(proxy.seen.map((s) => s.path)).toEqual(['/articles/a', '/', '/topics/t'])
    expect(proxy.seen.every((s) => s.headers['x-vetted-refresh'] === 'secret-token' && s.headers.host === 'health.example.org')).toBe(true)
    // The next page is asked for only once the previous one has been answered.
    expect(proxy.seen[1]!.at).toBeGreaterThanOrEqual(proxy.seen[0]!.done!)
    expect(proxy.seen[2]!.at).toBeGreaterThanOrEqual(proxy.seen[1]!.done!)
  })

  it('does nothing without a token', async () => {
    const proxy = await recordingProxy(0)
    process.env.CACHE_REFRESH_URL = proxy.url
    delete process.env.CACHE_REFRESH_TOKEN
    refreshProxy(['/'])
    await new Promise((resolve) => setTimeout(resolve, 200))
    proxy.server.close()
    expect(proxy.seen).toEqual([])
  })
})
