// The shipped nginx micro-cache in front of the app: every public page is answered from
// the cache for every request (a login cookie, a login header or a router header cannot
// make it pass requests to the app), staff previews are never stored, readers never get one.
import { expect, test } from '@playwright/test'
import { Api, article, unique } from './support/api'
import { type Proxy, startProxy } from './support/nginx'

const token = `refresh-${unique('t')}`
let proxy: Proxy

test.beforeAll(async ({ baseURL }) => {
  proxy = await startProxy(baseURL!, token)
})
test.afterAll(async () => {
  await proxy?.stop()
})

/** Cache states of a burst of requests for one address (nginx's X-Cache-Status). */
async function burst(path: string, headers: Record<string, string> = {}, count = 6) {
  const states: string[] = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${proxy.url}${path}`, { headers, redirect: 'manual' })
    await response.arrayBuffer()
    states.push(response.headers.get('x-cache-status') ?? 'none')
  }
  return states
}

const seeded = '/articles/lumbar-soreness-in-early-pregnancy'

test('public pages come from the cache whatever cookie, login header or router header a request carries', async () => {
  const attempts: Record<string, string>[] = [
    {},
    { Cookie: 'payload-token=made-up' },
    { Cookie: '__prerender_bypass=made-up; payload-token=x' },
    { Authorization: 'JWT made-up' },
    { RSC: '1' },
    { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%5D' },
    { 'X-Vetted-Refresh': '' },
    { 'X-Vetted-Refresh': 'wrong' },
  ]
  for (const headers of attempts) {
    for (const path of [seeded, '/', '/search?q=back']) {
      const states = await burst(path, headers)
      expect(states, `${path} ${JSON.stringify(headers)}`).not.toContain('BYPASS')
      expect(states, `${path} ${JSON.stringify(headers)}`).toContain('HIT')
    }
  }
})

test('a router request and a page request for one address are stored apart', async () => {
  await fetch(`${proxy.url}${seeded}`, { headers: { RSC: '1' }, redirect: 'manual' })
  const page = await fetch(`${proxy.url}${seeded}`)
  expect(page.headers.get('content-type')).toMatch(/text\/html/)
  expect(await page.text()).toContain('<html')
})

test('the refresh token fetches a page again; nothing else does', async () => {
  const refreshed = await fetch(`${proxy.url}/`, { headers: { 'X-Vetted-Refresh': token } })
  expect(refreshed.headers.get('x-cache-status')).toBe('BYPASS')
})

test('staff previews go through the proxy uncached; readers never get one', async ({ request }) => {
  const api = new Api(request)
  const marker = unique('proxied')
  const slug = marker.toLowerCase()
  const id = await api.publish('articles', article(marker))
  const login = await request.post('/api/users/login', {
    data: { email: 'editor@example.com', password: process.env.SEED_PASSWORD || 'vetted-demo' },
  })
  const staffCookie = `payload-token=${(await login.json()).token}`

  for (let round = 0; round < 3; round++) {
    const pending = `Pending through the proxy ${unique('p')}`
    await api.edit('articles', id, { summary: pending })
    // As a browser sends it: Payload accepts a login cookie from a same-origin request.
    const preview = await fetch(`${proxy.url}/preview/articles/${slug}`, {
      headers: { Cookie: staffCookie, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(preview.status).toBe(200)
    expect(preview.headers.get('x-cache-status')).toBeNull()
    expect(await preview.text()).toContain(pending)

    for (const headers of [{}, { Cookie: 'payload-token=made-up' }] as Record<string, string>[]) {
      const reader = await fetch(`${proxy.url}/preview/articles/${slug}`, { headers, redirect: 'manual' })
      expect(reader.status).toBe(307)
      expect(reader.headers.get('location')).toMatch(/\/admin\/login/)
      expect(await reader.text()).not.toContain(pending)
      const page = await (await fetch(`${proxy.url}/articles/${slug}`, { headers })).text()
      expect(page).toContain(`Summary ${marker}`)
      expect(page).not.toContain(pending)
    }
  }
})

test('without a refresh token configured (compose without CACHE_REFRESH_TOKEN), no request can bypass the cache', async ({ baseURL }) => {
  const open = await startProxy(baseURL!, '')
  try {
    for (const headers of [{}, { 'X-Vetted-Refresh': '' }, { 'X-Vetted-Refresh': '|' }, { 'X-Vetted-Refresh': 'x' }] as Record<
      string,
      string
    >[]) {
      const states: string[] = []
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${open.url}/`, { headers })
        await response.arrayBuffer()
        states.push(response.headers.get('x-cache-status') ?? 'none')
      }
      expect(states, JSON.stringify(headers)).not.toContain('BYPASS')
      expect(states, JSON.stringify(headers)).toContain('HIT')
    }
  } finally {
    await open.stop()
  }
})
