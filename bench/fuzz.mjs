#!/usr/bin/env node
// Sends the REST and workflow endpoints bad input, as anonymous, editor and reviewer,
// against a running server on this machine (loopback only), bounded in count and
// time. Expects every answer to be a 4xx with a message (or a harmless 2xx read),
// no 5xx, the server up at the end, and nothing stored changed.
//   BASE_URL=http://127.0.0.1:3000 FUZZ_REQUESTS=2000 FUZZ_SECONDS=60 node bench/fuzz.mjs
import { apiClient, loopbackBase } from './lib/client.mjs'

const base = loopbackBase('fuzz')
const maxRequests = Number(process.env.FUZZ_REQUESTS || 2000)
const maxSeconds = Number(process.env.FUZZ_SECONDS || 60)
const { login } = apiClient(base)

let seed = Number(process.env.FUZZ_SEED || 1)
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = (list) => list[Math.floor(random() * list.length)]
/** URL-encodes, sending raw invalid UTF-8 for text that has none (lone surrogates). */
const enc = (text) => {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

const STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE reviews; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '\u0000',
  '\u202e\u202d',
  '😀'.repeat(500),
  'e\u0301'.repeat(200),
  '\ud800',
  'x'.repeat(100_000),
  '',
  ' ',
  '../../etc/passwd',
]
const VALUES = () =>
  pick([pick(STRINGS), 42, -1, 1e308, null, true, [], {}, { $gt: '' }, [pick(STRINGS)], { nested: { deep: pick(STRINGS) } }])
const IDS = ['1', '0', '-1', '99999999', 'abc', "1' OR '1'='1", '1;DROP TABLE users', '%00', '１', '1e3']
const COLLECTIONS = ['articles', 'tips', 'warnings', 'reviews', 'revisions', 'workflow', 'users']
const FIELDS = [
  'title',
  'slug',
  'summary',
  'body',
  'severity',
  'category',
  'stage',
  '_status',
  'review',
  'roles',
  'tips',
  'warnings',
  'email',
]

function randomBody() {
  const kind = random()
  if (kind < 0.15) return '{"broken": '
  if (kind < 0.2) return JSON.stringify(pick(STRINGS))
  if (kind < 0.25) return JSON.stringify({ title: 'Huge', body: 'x'.repeat(10 * 1024 * 1024) })
  const body = {}
  for (let i = 0; i < 1 + Math.floor(random() * 5); i++) body[pick([...FIELDS, 'versionId', 'comment'])] = VALUES()
  return JSON.stringify(body)
}

function randomRequest() {
  const collection = pick(COLLECTIONS)
  const id = pick(IDS)
  const shapes = [
    [
      'GET',
      `/api/${collection}?where[${pick(FIELDS)}][${pick(['equals', 'like', 'in', 'exists', 'near', 'bogus'])}]=${enc(pick(STRINGS))}&draft=${pick(['true', 'false', 'x'])}`,
    ],
    ['GET', `/api/${collection}/${enc(id)}?depth=${pick(['0', '99', '-1', 'x'])}`],
    ['GET', `/api/${collection}/versions/${enc(id)}`],
    ['POST', `/api/${collection}?draft=${pick(['true', 'false'])}`],
    ['PATCH', `/api/${collection}/${enc(id)}?draft=${pick(['true', 'false'])}`],
    ['DELETE', `/api/${collection}/${enc(id)}`],
    ['POST', `/api/${pick(['articles', 'tips', 'warnings'])}/${enc(id)}/${pick(['submit', 'approve', 'request-changes', 'retire'])}`],
    ['POST', '/api/graphql'],
    ['GET', `/search?q=${enc(pick(STRINGS).slice(0, 300))}`],
    ['GET', `/articles/${enc(pick(STRINGS).slice(0, 200))}`],
    ['GET', `/topics/${enc(pick(STRINGS).slice(0, 200))}?page=${enc(pick(STRINGS).slice(0, 20))}`],
  ]
  const [method, path] = pick(shapes)
  const body =
    path === '/api/graphql'
      ? JSON.stringify({
          query: pick([
            '{ Articles { docs { title } } }',
            'mutation { deleteReview(id: 1) { id } }',
            '{',
            `{ Article(id: ${pick(IDS)}) { title } }`,
          ]),
        })
      : method === 'GET' || method === 'DELETE'
        ? undefined
        : randomBody()
  return { method, path, body }
}

async function fingerprint(token) {
  const get = async (path) => (await fetch(`${base}${path}`, { headers: { Authorization: `JWT ${token}` } })).json()
  const [articles, tips, reviews, users] = await Promise.all([
    get('/api/articles?limit=0&where[_status][equals]=published'),
    get('/api/tips?limit=0&where[_status][equals]=published'),
    get('/api/reviews?limit=0'),
    get('/api/users?limit=0'),
  ])
  const seeded = await get('/api/articles?where[slug][equals]=lumbar-soreness-in-early-pregnancy&depth=0')
  return JSON.stringify([articles.totalDocs, tips.totalDocs, reviews.totalDocs, users.totalDocs, seeded.docs?.[0]?.review?.contentHash])
}

const tokens = { anonymous: null, editor: await login('editor@example.com'), reviewer: await login('reviewer@example.com') }
const admin = await login('admin@example.com')
const before = await fingerprint(admin)
const tally = {}
const serverErrors = []
const started = performance.now()
let sent = 0
while (sent < maxRequests && performance.now() - started < maxSeconds * 1000) {
  const person = pick(Object.keys(tokens))
  const { method, path, body } = randomRequest()
  const headers = { 'Content-Type': 'application/json', ...(tokens[person] ? { Authorization: `JWT ${tokens[person]}` } : {}) }
  let status
  try {
    const response = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) })
    status = response.status
    await response.arrayBuffer()
  } catch (error) {
    status = error.name === 'TimeoutError' ? 'timeout' : 'network error'
  }
  sent++
  const bucket = typeof status === 'number' ? `${Math.floor(status / 100)}xx` : status
  tally[bucket] = (tally[bucket] ?? 0) + 1
  if (typeof status !== 'number' || status >= 500) serverErrors.push(`${person} ${method} ${path.slice(0, 120)} -> ${status}`)
}
const up = (await fetch(`${base}/`)).ok
const after = await fingerprint(admin)
console.log(`${sent} requests in ${((performance.now() - started) / 1000).toFixed(1)} s:`, JSON.stringify(tally))
console.log(`server up afterwards: ${up}; stored data unchanged: ${before === after}`)
if (serverErrors.length) console.log(`server errors:\n  ${serverErrors.slice(0, 20).join('\n  ')}`)
process.exit(serverErrors.length === 0 && up && before === after ? 0 : 1)
