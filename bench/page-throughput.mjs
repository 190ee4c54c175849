#!/usr/bin/env node
// Throughput of the seeded article page: the app alone, Debian's nginx serving a
// saved copy of the same HTML (the ceiling), and the app behind the shipped nginx
// micro-cache (deploy/nginx/vetted.conf.template). Then the time from an approve call to the
// new words on the page, through the app and through the proxy.
//
//   npm run build
//   PAYLOAD_SECRET=... CACHE_REFRESH_URL=http://127.0.0.1:8082 CACHE_REFRESH_TOKEN=bench \
//     SERVER_URL=http://127.0.0.1:8082 npm start             (seeded database)
//   APP_URL=http://127.0.0.1:3000 CACHE_REFRESH_TOKEN=bench node bench/page-throughput.mjs
// Needs nginx (apt-get install -y nginx). Loopback only; bounded in time.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { mainConfig, renderSiteConfig } from '../scripts/lib/nginx-config.mjs'
import { apiClient } from './lib/client.mjs'

const APP = process.env.APP_URL || 'http://127.0.0.1:3000'
const ARTICLE = '/articles/lumbar-soreness-in-early-pregnancy'
const DURATION = Number(process.env.DURATION || 15)
const CONNECTIONS = Number(process.env.CONNECTIONS || 32)
const STATIC_PORT = 8081
const PROXY_PORT = 8082
const { login, call: api } = apiClient(APP)

const work = mkdtempSync(path.join(tmpdir(), 'vetted-bench-'))
mkdirSync(path.join(work, 'site'))
mkdirSync(path.join(work, 'cache'))

const html = await (await fetch(APP + ARTICLE)).text()
writeFileSync(path.join(work, 'site', 'article.html'), html)

const site = renderSiteConfig({
  appAddress: new URL(APP).host,
  port: PROXY_PORT,
  cacheDir: path.join(work, 'cache'),
  refreshToken: process.env.CACHE_REFRESH_TOKEN || '',
})
writeFileSync(path.join(work, 'proxy.conf'), site)
writeFileSync(
  path.join(work, 'nginx.conf'),
  mainConfig(
    work,
    `  include ${work}/proxy.conf;
  server {
    listen 127.0.0.1:${STATIC_PORT};
    location / { root ${work}/site; default_type text/html; try_files /article.html =404; }
  }`,
  ),
)
const nginx = spawn('nginx', ['-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: 'inherit' })
await new Promise((resolve) => setTimeout(resolve, 500))

function load(url, duration = DURATION) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** Approves a new summary and returns the ms until a reader at `base` sees it. */
async function approveToVisible(base, editor, reviewer, id, slug) {
  const summary = `Benchmark summary ${Date.now()}`
  await api(editor, 'PATCH', `/api/articles/${id}?draft=true`, { summary })
  const { versionId } = await api(editor, 'POST', `/api/articles/${id}/submit`, {})
  const started = performance.now()
  await api(reviewer, 'POST', `/api/articles/${id}/approve`, { versionId, evidenceChecked: true, readingLevelAcknowledged: true })
  const deadline = started + 10_000
  while (performance.now() < deadline) {
    const page = await (await fetch(`${base}/articles/${slug}`)).text()
    if (page.includes(summary)) return performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return Number.POSITIVE_INFINITY
}

try {
  const targets = [
    ['app (next start)', APP + ARTICLE],
    ['nginx, static copy', `http://127.0.0.1:${STATIC_PORT}/`],
    ['app behind nginx micro-cache', `http://127.0.0.1:${PROXY_PORT}${ARTICLE}`],
  ]
  const rows = []
  for (const [name, url] of targets) {
    await load(url, 3) // warm-up
    const result = await load(url)
    rows.push({
      name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    })
  }
  const ceiling = rows[1].rps
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, ${html.length} bytes of HTML`)
  console.log('target                          req/s     p50     p99   ratio  errors')
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(30)} ${row.rps.toFixed(0).padStart(7)} ${`${row.p50} ms`.padStart(7)} ${`${row.p99} ms`.padStart(7)}  ${(row.rps / ceiling).toFixed(3)}  ${row.errors}`,
    )
  }

  const editor = await login('editor@example.com')
  const reviewer = await login('reviewer2@example.com')
  const slug = `bench-visibility-${Date.now()}`
  const { doc } = await api(editor, 'POST', '/api/articles?draft=true', {
    title: 'Benchmark visibility',
    slug,
    summary: 'First summary.',
    topic: 'Benchmarks',
    audience: 'patient',
    body: {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          {
            type: 'paragraph',
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            textFormat: 0,
            textStyle: '',
            children: [{ type: 'text', text: 'Benchmark.', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
          },
        ],
      },
    },
    disclaimer: 'Benchmark.',
  })
  const first = await api(editor, 'POST', `/api/articles/${doc.id}/submit`, {})
  await api(reviewer, 'POST', `/api/articles/${doc.id}/approve`, {
    versionId: first.versionId,
    evidenceChecked: true,
    readingLevelAcknowledged: true,
  })
  await fetch(`http://127.0.0.1:${PROXY_PORT}/articles/${slug}`)
  const samples = { app: [], proxy: [] }
  for (let i = 0; i < 5; i++) {
    samples.app.push(await approveToVisible(APP, editor, reviewer, doc.id, slug))
    samples.proxy.push(await approveToVisible(`http://127.0.0.1:${PROXY_PORT}`, editor, reviewer, doc.id, slug))
  }
  const describe = (list) => `median ${median(list).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms`
  console.log(
    `\napprove -> new text visible (5 approvals each): through the app ${describe(samples.app)}; through the proxy ${describe(samples.proxy)}`,
  )
  await api(reviewer, 'POST', `/api/articles/${doc.id}/retire`, { comment: 'Benchmark finished.' })
} finally {
  nginx.kill('SIGTERM')
}
