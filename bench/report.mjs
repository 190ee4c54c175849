#!/usr/bin/env node
// npm run bench: latency of the main reader and reviewer paths against a started
// production build (npm start) on a generated database (npm run bench:generate).
// Prints one table and merges the figures into bench/results.json under the
// database's article count, so a 1k and a 10k run sit side by side.
//   BASE_URL=http://127.0.0.1:3000 npm run bench
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import autocannon from 'autocannon'
import { apiClient, percentile } from './lib/client.mjs'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const { login, call } = apiClient(base)
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the database the server uses (for table sizes and sample slugs).')
  process.exit(2)
}

const db = new pg.Client({ connectionString: databaseUrl })
await db.connect()
const count = async (query, values = []) => (await db.query(query, values)).rows

const [{ n: articleCount }] = await count(`select count(*)::int as n from articles where _status = 'published'`)
const slugs = (await count(`select slug from articles where _status = 'published' order by random() limit 400`)).map((r) => r.slug)

const editor = await login('editor@example.com')
const reviewer = await login('reviewer2@example.com')

/** Latency percentiles of `rounds` calls, after a few untimed ones (JIT, connection pools, first render). */
async function timed(rounds, request, { warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await request(rounds + i)
  const samples = []
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    await request(i)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) }
}

const serverPid = execFileSync('pgrep', ['-f', 'next-server'], { encoding: 'utf8' }).trim().split('\n')[0]
const rssPeakMb = () => {
  const status = readFileSync(`/proc/${serverPid}/status`, 'utf8')
  return Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024
}

const words = ['back', 'pain', 'calcium', 'sleep', 'posture', 'walking', 'massage', 'pregnancy', 'doctor', 'bleeding']
const results = {}
results['review queue API'] = await timed(200, () => call(reviewer, 'GET', '/api/review-queue'))
results['article REST by slug'] = await timed(200, (i) =>
  call(null, 'GET', `/api/articles?where[slug][equals]=${slugs[i % slugs.length]}&depth=1`),
)
results['home page /'] = await timed(100, () => call(null, 'GET', '/'))
// The busiest topic's page, by the link the home page itself gives it.
const home = await call(null, 'GET', '/')
const topicLinks = [...home.matchAll(/href="(\/topics\/[^"]+)">[^<]*<\/a> <span class="meta">\((?:<!-- -->)?(\d+)/g)]
const [topicPath, busiestCount] = topicLinks.map(([, path, n]) => [path, Number(n)]).sort((a, b) => b[1] - a[1])[0]
const topicPages = Math.min(10, Math.ceil(busiestCount / 50))
results['published list (topic page)'] = await timed(100, (i) => call(null, 'GET', `${topicPath}?page=${(i % topicPages) + 1}`))
results['search page'] = await timed(100, (i) =>
  call(null, 'GET', `/search?q=${words[i % words.length]}+${words[(i * 7) % words.length]}${i}`),
)
results['uncached article page'] = await timed(150, (i) => call(null, 'GET', `/articles/${slugs[(i + 100) % slugs.length]}`))
results['cached article page'] = await timed(200, () => call(null, 'GET', `/articles/${slugs[0]}`))
const load = await new Promise((resolve, reject) =>
  autocannon({ url: `${base}/articles/${slugs[0]}`, connections: 32, duration: 10 }, (error, result) =>
    error ? reject(error) : resolve(result),
  ),
)
results['cached article page'].rps = load.requests.average

const APPROVALS = 30
const approvals = []
for (let i = 0; i < APPROVALS + 5; i++) {
  const { doc } = await call(editor, 'POST', '/api/tips?draft=true', {
    title: `Bench tip ${i}`,
    slug: `bench-report-${Date.now().toString(36)}-${i}`,
    body: 'Rest.',
    category: 'rest',
    stage: 'any',
  })
  const { versionId } = await call(editor, 'POST', `/api/tips/${doc.id}/submit`, {})
  approvals.push({ id: doc.id, versionId })
}
results['approve call'] = await timed(APPROVALS, (i) =>
  call(reviewer, 'POST', `/api/tips/${approvals[i].id}/approve`, { versionId: approvals[i].versionId }),
)

const visible = []
const target = (await count(`select id, slug from articles where _status = 'published' order by id desc limit 1`))[0]
for (let i = 0; i < 5; i++) {
  const summary = `Benchmark summary ${Date.now()}`
  await call(editor, 'PATCH', `/api/articles/${target.id}?draft=true`, { summary })
  const { versionId } = await call(editor, 'POST', `/api/articles/${target.id}/submit`, {})
  const started = performance.now()
  await call(reviewer, 'POST', `/api/articles/${target.id}/approve`, { versionId, evidenceChecked: true, readingLevelAcknowledged: true })
  for (;;) {
    if ((await call(null, 'GET', `/articles/${target.slug}`)).includes(summary)) break
  }
  visible.push(performance.now() - started)
}
visible.sort((a, b) => a - b)
results['approve to visible'] = { p50: percentile(visible, 50), p95: percentile(visible, 95), p99: percentile(visible, 99) }

const sizes = await count(
  `select relname as table, pg_total_relation_size(relid) as bytes from pg_catalog.pg_statio_user_tables
   where relname in ('_articles_v', '_tips_v', '_warnings_v', '_articles_v_rels', 'reviews', 'revisions') order by relname`,
)
const [{ n: versionRows }] = await count(`select count(*)::int as n from _articles_v`)
await db.end()

const fmt = (ms) => (ms === undefined ? '' : `${ms.toFixed(1)} ms`)
console.log(`\n${articleCount} published articles, ${versionRows} article versions`)
console.log('path                             p50         p95         p99        req/s')
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(30)} ${fmt(r.p50).padStart(10)}  ${fmt(r.p95).padStart(10)}  ${fmt(r.p99).padStart(10)}  ${r.rps ? r.rps.toFixed(0).padStart(9) : ''}`,
  )
}
const rss = rssPeakMb()
console.log(`server RSS peak: ${rss.toFixed(0)} MB`)
for (const { table, bytes } of sizes) console.log(`${table.padEnd(20)} ${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`)

const file = new URL('./results.json', import.meta.url)
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
all[`${articleCount} articles`] = {
  measuredAt: new Date().toISOString(),
  articleVersions: versionRows,
  latencyMs: results,
  serverRssPeakMb: Math.round(rss),
  tableBytes: Object.fromEntries(sizes.map(({ table, bytes }) => [table, Number(bytes)])),
}
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`)
console.log(`written to bench/results.json`)
