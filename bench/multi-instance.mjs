#!/usr/bin/env node
// Vetted as deployed at scale, on this machine: three instances of the production build
// (`npm start`) on a shared Redis cache, reading from a PostgreSQL streaming replica.
// Starts everything itself, privately (tests/support: startPgCluster, startRedis, startApps),
// seeds it, generates articles, then prints:
//   1. renders per approval: how many times the changed page is rendered when A, B and C are
//      asked for it after an approval on A, one after another and at the same moment;
//   2. throughput (autocannon) of the seeded article page: one instance, three instances
//      without a proxy, nginx micro-cache over one and over three, nginx serving a static copy;
//   3. approve-to-visible on every instance (10 approvals, polled every 10 ms);
//   4. the shared cache's hit ratio under read-only load on many article pages;
//   5. Redis memory per 1,000 cached article pages.
// A summary table at the end; the figures as JSON in bench/results-multi-instance.json
// (git-ignored by bench/results*.json).
//
//   npm run build
//   node --import tsx bench/multi-instance.mjs
//
// The support modules are TypeScript, hence `--import tsx`. Needs PostgreSQL 15 server
// programs (apt-get install -y postgresql-15), redis-server and nginx. Loopback only; bounded
// in count and time (TIME_LIMIT_S, default 1,800 s); everything it starts is stopped at the
// end, also on failure or Ctrl-C. Knobs (env): ARTICLES (1500), VERSIONS (2), CONNECTIONS (30),
// DURATION (10 s), WARMUP (3 s), MEMORY_PAGES (1000), HIT_PAGES (500), HIT_ROUNDS (4),
// APPROVALS (10), RENDER_APPROVALS (3 per variant).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { createClient } from 'redis'
import { startApps } from '../tests/support/app-cluster.ts'
import { startPgCluster } from '../tests/support/pg-cluster.ts'
import { startRedis } from '../tests/support/redis-server.ts'
import { lexicalFromSections } from '../seed/lexical.ts'
import { mainConfig, renderSiteConfig } from '../scripts/lib/nginx-config.mjs'
import { freePort } from '../scripts/lib/ports.mjs'
import { projectRoot, runSteps } from '../scripts/lib/run.mjs'
import { apiClient, percentile } from './lib/client.mjs'

const number = (name, fallback) => Number(process.env[name] || fallback)
const ARTICLES = number('ARTICLES', 1500)
const VERSIONS = number('VERSIONS', 2)
const CONNECTIONS = number('CONNECTIONS', 30) // a multiple of 3: even across three URLs
const DURATION = number('DURATION', 10)
const WARMUP = number('WARMUP', 3)
const MEMORY_PAGES = number('MEMORY_PAGES', 1000)
const HIT_PAGES = number('HIT_PAGES', 500)
const HIT_ROUNDS = number('HIT_ROUNDS', 4)
const APPROVALS = number('APPROVALS', 10)
const RENDER_APPROVALS = number('RENDER_APPROVALS', 3)
const TIME_LIMIT_MS = number('TIME_LIMIT_S', 1800) * 1000
const SEEDED_ARTICLE = '/articles/lumbar-soreness-in-early-pregnancy'
const KEY_PREFIX = 'vetted:' // REDIS_KEY_PREFIX's default; entries are `<prefix>entry:<build>:<key>`
const RESULTS_FILE = path.join(projectRoot, 'bench/results-multi-instance.json')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (list) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  )
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'never')
const log = (line) => console.log(line)
let wordCount = 0
const newWords = (label) => `${label}${Date.now().toString(36)}${(wordCount++).toString(36)}`.toUpperCase()

// ---------------------------------------------------------------------------------------------
// Everything started, stopped in `cleanup` whatever happens.
// ---------------------------------------------------------------------------------------------
const started = { cluster: undefined, redis: undefined, apps: [], nginx: [], clients: [], work: undefined }

let cleaning
function cleanup() {
  cleaning ??= (async () => {
    for (const proxy of started.nginx) await proxy.stop().catch(() => {})
    await Promise.all(started.apps.map((app) => app.stop().catch(() => {})))
    for (const client of started.clients) client.destroy()
    await started.redis?.stop().catch(() => {})
    await started.cluster?.stop().catch(() => {})
    if (started.work) rmSync(started.work, { recursive: true, force: true })
  })()
  return cleaning
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything this benchmark started...`)
    void cleanup().finally(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------------
// Setup: cluster, Redis, three instances, seed, generated articles.
// ---------------------------------------------------------------------------------------------
function appEnv(cluster, redis) {
  return {
    DATABASE_URL: cluster.primaryUrl,
    DATABASE_REPLICA_URLS: cluster.replicaUrl,
    DATABASE_POOL_MAX: '10',
    REDIS_URL: redis.url,
    PAYLOAD_SECRET: 'vetted-multi-instance-bench-secret',
    // One public origin for all, as behind a load balancer.
    SERVER_URL: 'http://vetted.test',
    // No proxy refresh after approvals: its requests would be renders this bench did not ask for.
    CACHE_REFRESH_URL: '',
    // The instances exit if this process dies without cleaning up (scripts/lib/run.mjs does the same).
    VETTED_PARENT_PID: String(process.pid),
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.join(projectRoot, 'scripts/lib/exit-with-parent.cjs')}`]
      .filter(Boolean)
      .join(' '),
  }
}

/** Writes to the primary only, without the shared cache (as `npm run seed` does). */
const writerEnv = (env) => ({
  ...env,
  DATABASE_REPLICA_URLS: '',
  REDIS_URL: '',
  VETTED_PARENT_PID: '',
  NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
})

async function seedAndGenerate(env, cluster) {
  let t = performance.now()
  if ((await runSteps([['node', 'scripts/with-db.mjs', '--seed']], { env: writerEnv(env) })) !== 0) throw new Error('seed failed')
  const seedSeconds = (performance.now() - t) / 1000
  t = performance.now()
  const generate = [['node', 'scripts/with-db.mjs', '--', 'payload', 'run', 'bench/generate.ts']]
  const code = await runSteps(generate, {
    env: { ...writerEnv(env), GENERATE_ARTICLES: String(ARTICLES), GENERATE_VERSIONS: String(VERSIONS) },
  })
  if (code !== 0) throw new Error('generating articles failed')
  const generateSeconds = (performance.now() - t) / 1000
  await cluster.waitForReplay(120_000)
  const db = new pg.Client({ connectionString: cluster.primaryUrl })
  await db.connect()
  try {
    const { rows } = await db.query(`select slug from articles where slug like 'gen-%-article-%' and _status = 'published' order by id`)
    return { seedSeconds, generateSeconds, slugs: rows.map((row) => row.slug) }
  } finally {
    await db.end()
  }
}

// ---------------------------------------------------------------------------------------------
// Watching Redis: keyspace notifications (no MONITOR) report each SET of a cache entry with its
// key, so a page's renders can be told apart from data-cache entries (unstable_cache).
// Page keys end in `/route-cache/APP_PAGE/<sha256 of the route>/$<path>` (Next's route-cache-key.js).
// ---------------------------------------------------------------------------------------------
async function watchRedis(url) {
  const admin = createClient({ url })
  admin.on('error', () => {})
  await admin.connect()
  started.clients.push(admin)
  await admin.configSet('notify-keyspace-events', 'K$')
  const subscriber = admin.duplicate()
  subscriber.on('error', () => {})
  await subscriber.connect()
  started.clients.push(subscriber)
  const channelPrefix = '__keyspace@0__:'
  const events = { pageSets: [], entrySets: 0, lastAt: 0 }
  await subscriber.pSubscribe(`${channelPrefix}${KEY_PREFIX}entry:*`, (event, channel) => {
    if (event !== 'set') return
    events.entrySets++
    events.lastAt = performance.now()
    const page = channel.match(/\/route-cache\/APP_PAGE\/[0-9a-f]{64}\/\$(.*)$/)
    if (page) events.pageSets.push(page[1])
  })
  return {
    admin,
    /** A position in the stream of page stores, for counting what came after it. */
    mark: () => ({ pages: events.pageSets.length, entries: events.entrySets }),
    /** Page stores since `mark`, of the given paths only when a Set or path is given. */
    pageSetsSince(mark, paths) {
      const list = events.pageSets.slice(mark.pages)
      if (!paths) return list.length
      const wanted = typeof paths === 'string' ? new Set([paths]) : paths
      return list.filter((page) => wanted.has(page)).length
    },
    entrySetsSince: (mark) => events.entrySets - mark.entries,
    /** Waits until no entry has been stored for 300 ms (a store may land after its response), at most 5 s. */
    async settle() {
      const deadline = performance.now() + 5000
      await sleep(100)
      while (performance.now() - events.lastAt < 300 && performance.now() < deadline) await sleep(50)
    },
    async info(section) {
      const fields = {}
      for (const line of (await admin.info(section)).split('\r\n')) {
        const at = line.indexOf(':')
        if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1)
      }
      return fields
    },
  }
}

/** `calls` of one command from INFO commandstats (`cmdstat_get:calls=12,usec=...`). */
const commandCalls = (stats, command) => Number(/calls=(\d+)/.exec(stats[`cmdstat_${command}`] ?? '')?.[1] ?? 0)

// ---------------------------------------------------------------------------------------------
// HTTP: pages and the review workflow.
// ---------------------------------------------------------------------------------------------
async function getPage(app, pagePath) {
  const response = await fetch(`${app.url}${pagePath}`, { redirect: 'manual', signal: AbortSignal.timeout(15_000) })
  return { status: response.status, body: await response.text() }
}

/** Runs `work` over `items` with `workers` at a time. */
async function inParallel(items, workers, work) {
  let next = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const index = next++
        await work(items[index], index)
      }
    }),
  )
}

/** Logged-in editor and reviewer; JWTs signed with the shared secret are good on every instance. */
async function people(app) {
  const { login } = apiClient(app.url)
  return { editor: await login('editor@example.com'), reviewer: await login('reviewer@example.com') }
}

async function publishArticle(app, who) {
  const { call } = apiClient(app.url)
  const words = newWords('benchmulti')
  const { doc } = await call(who.editor, 'POST', '/api/articles?draft=true', {
    title: `Benchmark ${words}`,
    slug: words.toLowerCase(),
    summary: `Summary ${words}`,
    topic: 'Benchmarks',
    audience: 'patient',
    body: lexicalFromSections([{ paragraphs: [`Body ${words}.`] }]),
    disclaimer: 'Benchmark article.',
  })
  const { versionId } = await call(who.editor, 'POST', `/api/articles/${doc.id}/submit`, {})
  await call(who.reviewer, 'POST', `/api/articles/${doc.id}/approve`, { versionId, evidenceChecked: true, readingLevelAcknowledged: true })
  return { id: doc.id, path: `/articles/${words.toLowerCase()}`, words }
}

/**
 * Edits and submits a new summary, then sends the approval to `app`. Resolves with the new
 * words, when the approve call was sent (performance.now()) and the call itself (a promise).
 */
async function startApproval(app, who, article) {
  const { call } = apiClient(app.url)
  const words = newWords('approved')
  await call(who.editor, 'PATCH', `/api/articles/${article.id}?draft=true`, { summary: `Summary ${words}` })
  const { versionId } = await call(who.editor, 'POST', `/api/articles/${article.id}/submit`, {})
  const sentAt = performance.now()
  const approving = call(who.reviewer, 'POST', `/api/articles/${article.id}/approve`, {
    versionId,
    evidenceChecked: true,
    readingLevelAcknowledged: true,
  })
  return { words, sentAt, approving }
}

// ---------------------------------------------------------------------------------------------
// 1. Renders per approval.
// ---------------------------------------------------------------------------------------------
/**
 * One approval on A, then the page asked of A, B, C (in order, or all at once), after `pauseMs`.
 * Counts the page's stores in Redis from the approval on: each is one render.
 */
async function rendersAfterOneApproval(redis, apps, who, article, { together, pauseMs }) {
  for (const app of apps) await getPage(app, article.path) // cached everywhere before
  await redis.settle()
  const mark = redis.mark()
  const { words, approving } = await startApproval(apps[0], who, article)
  await approving
  if (pauseMs) await sleep(pauseMs)
  const pages = []
  if (together) pages.push(...(await Promise.all(apps.map((app) => getPage(app, article.path)))))
  else for (const app of apps) pages.push(await getPage(app, article.path))
  await redis.settle()
  return {
    renders: redis.pageSetsSince(mark, article.path),
    fresh: pages.every((page) => page.status === 200 && page.body.includes(words)),
  }
}

async function measureRenders(redis, apps, who) {
  const article = await publishArticle(apps[0], who)
  const variants = [
    { name: 'A, B, C one after another, at once after the approval', together: false, pauseMs: 0 },
    { name: 'A, B, C at the same moment, at once after the approval', together: true, pauseMs: 0 },
    { name: 'A, B, C one after another, 1.5 s after the approval', together: false, pauseMs: 1500 },
    { name: 'A, B, C at the same moment, 1.5 s after the approval', together: true, pauseMs: 1500 },
  ]
  const results = []
  for (const variant of variants) {
    const runs = []
    for (let i = 0; i < RENDER_APPROVALS; i++) runs.push(await rendersAfterOneApproval(redis, apps, who, article, variant))
    const counts = runs.map((run) => run.renders)
    results.push({
      name: variant.name,
      together: variant.together,
      pauseMs: variant.pauseMs,
      approvals: runs.length,
      rendersEach: counts,
      mean: counts.reduce((sum, count) => sum + count, 0) / counts.length,
      allFresh: runs.every((run) => run.fresh),
    })
    log(
      `  ${variant.name}: renders per approval ${counts.join(', ')}${runs.every((run) => run.fresh) ? '' : '  (SOME ANSWER LACKED THE NEW WORDS)'}`,
    )
  }
  return results
}

// ---------------------------------------------------------------------------------------------
// 2. Throughput.
// ---------------------------------------------------------------------------------------------
async function startNginx(dir, httpBlocks, probeUrl) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, httpBlocks))
  const child = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const proxy = {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM') // nginx: fast shutdown
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))])
    },
  }
  started.nginx.push(proxy)
  for (const deadline = Date.now() + 15_000; ; await sleep(100)) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}); see ${dir}/error.log`)
    if (
      await fetch(probeUrl).then(
        (response) => response.ok,
        () => false,
      )
    )
      return proxy
    if (Date.now() > deadline) throw new Error(`nginx did not answer ${probeUrl}`)
  }
}

/** Two nginx: the micro-cache over A, B, C plus the static copy, and the micro-cache over A alone. */
async function startProxies(work, apps, html) {
  const [staticPort, overThree, overOne] = [await freePort(), await freePort(), await freePort()]
  const refreshToken = `unused-${Date.now()}`
  const site = (name, appAddresses, port) =>
    renderSiteConfig({ appAddresses, port, cacheDir: path.join(work, name, 'cache'), refreshToken })
  mkdirSync(path.join(work, 'site'), { recursive: true })
  writeFileSync(path.join(work, 'site', 'article.html'), html)
  const staticServer = `  server {
    listen 127.0.0.1:${staticPort};
    location / { root ${work}/site; default_type text/html; try_files /article.html =404; }
  }`
  const addresses = apps.map((app) => `127.0.0.1:${app.port}`)
  await startNginx(path.join(work, 'three'), `${site('three', addresses, overThree)}\n${staticServer}`, `http://127.0.0.1:${staticPort}/`)
  await startNginx(path.join(work, 'one'), site('one', addresses.slice(0, 1), overOne), `http://127.0.0.1:${overOne}/robots.txt`)
  return {
    static: `http://127.0.0.1:${staticPort}/`,
    three: `http://127.0.0.1:${overThree}${SEEDED_ARTICLE}`,
    one: `http://127.0.0.1:${overOne}${SEEDED_ARTICLE}`,
  }
}

function autocannonRun(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

async function measureThroughput(work, apps) {
  const direct = (app) => `${app.url}${SEEDED_ARTICLE}`
  for (const app of apps) if ((await getPage(app, SEEDED_ARTICLE)).status !== 200) throw new Error(`${app.name}: seeded article is not 200`)
  const html = (await getPage(apps[0], SEEDED_ARTICLE)).body
  const proxies = await startProxies(work, apps, html)
  const targets = [
    ['one instance, direct', direct(apps[0])],
    ['three instances, direct (connections round-robin)', apps.map(direct)],
    ['nginx micro-cache over one instance', proxies.one],
    ['nginx micro-cache over three instances', proxies.three],
    ['nginx, static copy (ceiling)', proxies.static],
  ]
  const rows = []
  for (const [name, url] of targets) {
    await autocannonRun(url, WARMUP)
    const result = await autocannonRun(url, DURATION)
    const row = {
      name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    }
    rows.push(row)
    log(`  ${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}`)
  }
  const one = rows[0].rps
  const ceiling = rows.at(-1).rps
  for (const row of rows) Object.assign(row, { vsOne: row.rps / one, vsStatic: row.rps / ceiling })
  return { connections: CONNECTIONS, seconds: DURATION, warmupSeconds: WARMUP, htmlBytes: Buffer.byteLength(html), rows }
}

// ---------------------------------------------------------------------------------------------
// 3. Approve-to-visible on every instance.
// ---------------------------------------------------------------------------------------------
/** ms from `since` until the page on `app` shows `words` (polled every 10 ms), Infinity past 10 s. */
async function visibleAfter(app, pagePath, words, since) {
  const deadline = since + 10_000
  while (performance.now() < deadline) {
    const page = await getPage(app, pagePath).catch(() => ({ body: '' }))
    if (page.body.includes(words)) return performance.now() - since
    await sleep(10)
  }
  return Number.POSITIVE_INFINITY
}

async function measureVisibility(apps, who) {
  const article = await publishArticle(apps[0], who)
  for (const app of apps) await getPage(app, article.path)
  const samples = Object.fromEntries(apps.map((app) => [app.name, []]))
  const everywhere = []
  const approveCalls = []
  for (let i = 0; i < APPROVALS; i++) {
    const approver = apps[i % apps.length]
    const { words, sentAt, approving } = await startApproval(approver, who, article)
    const [times] = await Promise.all([
      Promise.all(apps.map((app) => visibleAfter(app, article.path, words, sentAt))),
      approving.then(() => approveCalls.push(performance.now() - sentAt)),
    ])
    apps.forEach((app, n) => samples[app.name].push(times[n]))
    everywhere.push(Math.max(...times))
    log(`  approval ${i + 1} on ${approver.name}: ${apps.map((app, n) => `${app.name} ${ms(times[n])}`).join(', ')}`)
    await sleep(300)
  }
  const describe = (list) => ({ median: median(list), max: Math.max(...list) })
  return {
    approvals: APPROVALS,
    perInstance: Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, describe(list)])),
    everywhere: describe(everywhere),
    approveCall: describe(approveCalls),
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Cache hit ratio under read-only load.
// ---------------------------------------------------------------------------------------------
/** A fixed shuffle (the same order every run). */
function shuffled(list, seed = 7) {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const j = seed % (i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

async function measureHitRatio(redis, apps, slugs) {
  const paths = slugs.map((slug) => `/articles/${slug}`)
  // Each round asks every page once, in a shuffled order, each time of the next instance.
  const requests = []
  for (let round = 0; round < HIT_ROUNDS; round++) {
    requests.push(
      ...shuffled(
        paths.map((pagePath, i) => ({ pagePath, app: apps[(i + round) % apps.length] })),
        round + 1,
      ),
    )
  }
  await redis.settle()
  const [statsBefore, commandsBefore] = [await redis.info('stats'), await redis.info('commandstats')]
  const mark = redis.mark()
  const statuses = {}
  const t = performance.now()
  await inParallel(requests, 6, async ({ pagePath, app }) => {
    const { status } = await getPage(app, pagePath).catch(() => ({ status: 'error' }))
    statuses[status] = (statuses[status] ?? 0) + 1
  })
  const seconds = (performance.now() - t) / 1000
  await redis.settle()
  const [statsAfter, commandsAfter] = [await redis.info('stats'), await redis.info('commandstats')]
  const delta = (name) => Number(statsAfter[name]) - Number(statsBefore[name])
  const renders = redis.pageSetsSince(mark, new Set(paths))
  const hits = delta('keyspace_hits')
  const misses = delta('keyspace_misses')
  const gets = commandCalls(commandsAfter, 'get') - commandCalls(commandsBefore, 'get')
  return {
    pages: paths.length,
    rounds: HIT_ROUNDS,
    requests: requests.length,
    seconds,
    statuses,
    renders,
    pageHitRatio: (requests.length - renders) / requests.length,
    bestPossible: (HIT_ROUNDS - 1) / HIT_ROUNDS,
    dataEntriesStored: redis.entrySetsSince(mark) - redis.pageSetsSince(mark),
    entryGets: gets,
    entryGetHitRatio: gets > 0 ? (gets - misses) / gets : null,
    keyspaceHits: hits,
    keyspaceMisses: misses,
    keyspaceHitRatio: hits / (hits + misses),
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Redis memory per cached page.
// ---------------------------------------------------------------------------------------------
async function pageEntrySizes(admin, limit = 100) {
  const sizes = []
  for await (const keys of admin.scanIterator({ MATCH: `${KEY_PREFIX}entry:*/route-cache/APP_PAGE/*$/articles/gen-*`, COUNT: 1000 })) {
    for (const key of keys) {
      if (sizes.length >= limit) return sizes
      sizes.push(await admin.memoryUsage(key))
    }
  }
  return sizes
}

async function measureMemory(redis, apps, slugs) {
  const paths = slugs.map((slug) => `/articles/${slug}`)
  await redis.settle()
  const before = await redis.info('memory')
  const keysBefore = await redis.admin.dbSize()
  const mark = redis.mark()
  let htmlBytes = 0
  let ok = 0
  const t = performance.now()
  await inParallel(paths, 6, async (pagePath, i) => {
    const page = await getPage(apps[i % apps.length], pagePath).catch(() => ({ status: 0, body: '' }))
    if (page.status === 200) ok++
    htmlBytes += Buffer.byteLength(page.body)
  })
  const seconds = (performance.now() - t) / 1000
  await redis.settle()
  const after = await redis.info('memory')
  const keysAfter = await redis.admin.dbSize()
  const pagesStored = redis.pageSetsSince(mark, new Set(paths))
  const grew = Number(after.used_memory) - Number(before.used_memory)
  const sizes = await pageEntrySizes(redis.admin)
  const bytesPerPage = grew / Math.max(1, pagesStored)
  return {
    pagesRequested: paths.length,
    answered200: ok,
    pagesStored,
    seconds,
    usedMemoryBefore: Number(before.used_memory),
    usedMemoryAfter: Number(after.used_memory),
    keysAdded: keysAfter - keysBefore,
    dataEntriesStored: redis.entrySetsSince(mark) - redis.pageSetsSince(mark),
    bytesPerPage,
    mbPer1000Pages: (bytesPerPage * 1000) / 1e6,
    meanHtmlBytes: htmlBytes / paths.length,
    meanPageEntryBytes: sizes.length ? sizes.reduce((sum, size) => sum + size, 0) / sizes.length : null,
    pageEntriesSampled: sizes.length,
  }
}

// ---------------------------------------------------------------------------------------------
// Report.
// ---------------------------------------------------------------------------------------------
function summary(figures) {
  const { setup, renders, throughput, visibility, hitRatio, memory } = figures
  const lines = []
  const out = (line = '') => lines.push(line)
  const pad = (text, width) => String(text).padEnd(width)
  const left = (text, width) => String(text).padStart(width)
  out('================================================================================')
  out(`Vetted, three instances (shared Redis cache, PostgreSQL primary + streaming replica)`)
  out(`${setup.cores} cores; app, nginx, Redis, both PostgreSQL servers and the load generator all share them`)
  out(
    `${setup.articles} generated articles (${VERSIONS} versions each) in ${setup.generateSeconds.toFixed(1)} s; seed ${setup.seedSeconds.toFixed(1)} s; cluster up in ${setup.startSeconds.toFixed(1)} s`,
  )
  out('')
  out('Renders per approval (page stores in Redis after one approval on A; A, B, C each asked once)')
  for (const row of renders)
    out(`  ${pad(row.name, 58)} ${left(row.mean.toFixed(2), 5)}  (${row.rendersEach.join(', ')})${row.allFresh ? '' : '  STALE ANSWERS'}`)
  out('')
  out(
    `Throughput, seeded article page: ${throughput.connections} connections, ${throughput.seconds} s after a ${throughput.warmupSeconds} s warm-up, ${throughput.htmlBytes} bytes of HTML`,
  )
  out(
    `  ${pad('target', 50)} ${left('req/s', 7)} ${left('p50', 7)} ${left('p99', 7)} ${left('errors', 7)} ${left('x one', 6)} ${left('x static', 8)}`,
  )
  for (const row of throughput.rows) {
    out(
      `  ${pad(row.name, 50)} ${left(row.rps.toFixed(0), 7)} ${left(`${row.p50} ms`, 7)} ${left(`${row.p99} ms`, 7)} ${left(row.errors, 7)} ${left(row.vsOne.toFixed(2), 6)} ${left(row.vsStatic.toFixed(3), 8)}`,
    )
  }
  out('')
  out(
    `Approve to visible (${visibility.approvals} approvals, approver rotating A, B, C; polled every 10 ms, from the approve call's start)`,
  )
  for (const [name, figure] of Object.entries(visibility.perInstance))
    out(`  on ${name}: median ${ms(figure.median)}, max ${ms(figure.max)}`)
  out(
    `  on all three: median ${ms(visibility.everywhere.median)}, max ${ms(visibility.everywhere.max)}   (approve call: median ${ms(visibility.approveCall.median)}, max ${ms(visibility.approveCall.max)})`,
  )
  out('')
  out(
    `Cache hit ratio: ${hitRatio.pages} generated article pages x ${hitRatio.rounds} rounds = ${hitRatio.requests} requests over A, B, C (6 at a time, ${hitRatio.seconds.toFixed(1)} s; answers ${JSON.stringify(hitRatio.statuses)})`,
  )
  out(
    `  pages served without a render      ${(hitRatio.pageHitRatio * 100).toFixed(1)}%  (${hitRatio.renders} renders; best possible ${(hitRatio.bestPossible * 100).toFixed(1)}%: each page's first request renders)`,
  )
  out(
    `  entry GETs that found an entry     ${hitRatio.entryGetHitRatio === null ? 'n/a' : `${(hitRatio.entryGetHitRatio * 100).toFixed(1)}%`}  (${hitRatio.entryGets} GETs, page and data entries)`,
  )
  out(
    `  Redis keyspace hits/(hits+misses)  ${(hitRatio.keyspaceHitRatio * 100).toFixed(1)}%  (${hitRatio.keyspaceHits} / ${hitRatio.keyspaceMisses}; counts tag-hash reads too)`,
  )
  out('')
  out(
    `Redis memory: ${memory.pagesRequested} distinct article pages requested once each (${memory.answered200} answered 200, ${memory.pagesStored} stored, ${memory.seconds.toFixed(1)} s)`,
  )
  out(
    `  used_memory ${(memory.usedMemoryBefore / 1e6).toFixed(1)} MB -> ${(memory.usedMemoryAfter / 1e6).toFixed(1)} MB, ${memory.keysAdded} keys added (${memory.pagesStored} pages, ${memory.dataEntriesStored} data entries stored)`,
  )
  out(
    `  ${memory.bytesPerPage.toFixed(0)} bytes per cached page = ${memory.mbPer1000Pages.toFixed(1)} MB per 1,000 pages (MB = 10^6 bytes)`,
  )
  out(
    `  one page entry (MEMORY USAGE, mean of ${memory.pageEntriesSampled}): ${memory.meanPageEntryBytes?.toFixed(0)} bytes; its HTML alone ${memory.meanHtmlBytes.toFixed(0)} bytes`,
  )
  out('')
  out(`Total ${figures.seconds.toFixed(0)} s. Figures in ${path.relative(projectRoot, RESULTS_FILE)}`)
  out('================================================================================')
  return lines.join('\n')
}

const NOTES = `Notes
- Renders: a page's store in Redis (a SET of its entry key, seen through keyspace notifications)
  is one render. An entry rendered within REDIS_CACHE_CLOCK_SKEW_MS (1 s) of an expiry is not
  reused by the other instances (src/cache/redis-cache-handler.mjs: it could predate the expiry
  on a skewed clock), so right after an approval each instance renders for itself; past that
  second B and C take what A stored. Requests at the same moment all miss before any render is
  stored: no instance waits for another's render (Next.js only merges renders within a process).
- Throughput: ${cpus().length} cores run everything here, so three instances have no more CPU than one:
  the "x one" column shows coordination cost, not what three machines would give. The nginx
  micro-cache answers nearly every request itself (1 s lifetime, one page), so over one or three
  instances it approaches the static ceiling.
- Hit ratio: "pages served without a render" = 1 - page renders / requests (the reader-facing
  figure). "Entry GETs that found an entry" = 1 - keyspace_misses / GET calls (misses assumed all
  from GETs of entries; an entry found but expired by a tag counts as found). The raw keyspace
  ratio also counts each hit's read of the tag-expiry hash (always present), so it overstates.
- Memory: used_memory growth divided by the pages stored, so it includes each page's data-cache
  entries (unstable_cache) and Redis's per-key overhead, not the HTML alone (entries also hold the
  RSC payload).`

// ---------------------------------------------------------------------------------------------
// Main.
// ---------------------------------------------------------------------------------------------
async function main() {
  const t0 = performance.now()
  started.work = mkdtempSync(path.join(tmpdir(), 'vetted-multi-bench-'))
  log('Starting the PostgreSQL primary + replica, Redis and three instances...')
  started.cluster = await startPgCluster()
  started.redis = await startRedis()
  const env = appEnv(started.cluster, started.redis)
  started.apps = await startApps(3, env, 300_000)
  const apps = started.apps
  const startSeconds = (performance.now() - t0) / 1000
  log(`Up in ${startSeconds.toFixed(1)} s: ${apps.map((app) => `${app.name} ${app.url}`).join(', ')}`)

  log(`Seeding, then generating ${ARTICLES} articles (${VERSIONS} versions each) on the primary...`)
  const { seedSeconds, generateSeconds, slugs } = await seedAndGenerate(env, started.cluster)
  log(
    `Generated ${slugs.length} articles in ${generateSeconds.toFixed(1)} s${generateSeconds > 120 ? ' (over 2 minutes: lower ARTICLES)' : ''}`,
  )
  const needed = MEMORY_PAGES + HIT_PAGES
  if (slugs.length < needed) throw new Error(`need ${needed} generated articles (MEMORY_PAGES + HIT_PAGES), have ${slugs.length}`)

  const redis = await watchRedis(started.redis.url)
  const who = await people(apps[0])

  log('\n1. Renders per approval')
  const renders = await measureRenders(redis, apps, who)
  log('\n2. Throughput')
  const throughput = await measureThroughput(started.work, apps)
  log('\n3. Approve to visible')
  const visibility = await measureVisibility(apps, who)
  log('\n4. Redis memory per cached page')
  const memory = await measureMemory(redis, apps, slugs.slice(0, MEMORY_PAGES))
  log('\n5. Cache hit ratio')
  const hitRatio = await measureHitRatio(redis, apps, slugs.slice(MEMORY_PAGES, needed))

  const figures = {
    at: new Date().toISOString(),
    setup: { cores: cpus().length, articles: slugs.length, versions: VERSIONS, startSeconds, seedSeconds, generateSeconds },
    renders,
    throughput,
    visibility,
    hitRatio,
    memory,
    seconds: (performance.now() - t0) / 1000,
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`)
  log(`\n${NOTES}\n`)
  log(summary(figures))
}

let timer
try {
  await Promise.race([
    main(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`stopped after the ${TIME_LIMIT_MS / 1000} s time limit (TIME_LIMIT_S)`)), TIME_LIMIT_MS)
    }),
  ])
} catch (error) {
  process.exitCode = 1
  console.error(`multi-instance bench failed: ${error?.stack ?? error}`)
  for (const app of started.apps) console.error(app.log.slice(-15).join('\n'))
} finally {
  clearTimeout(timer)
  await cleanup()
}
process.exit()
