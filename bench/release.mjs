#!/usr/bin/env node
// Releases against a running server (npm start) on a generated database (npm run bench:generate):
//  1. the go-live of a release of MEMBERS documents (live articles, each with a changed summary,
//     and tips they show), approved member by member: only the go-live call is timed;
//  2. the time from a release's scheduled instant to its words on the public page (the jobs
//     runner's cron, VETTED_JOBS_CRON, bounds it: every 5 s by default).
//   BASE_URL=http://127.0.0.1:3000 DATABASE_URL=... ROUNDS=3 SCHEDULED=2 node bench/release.mjs
import pg from 'pg'
import { apiClient, percentile } from './lib/client.mjs'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const rounds = Number(process.env.ROUNDS || 3)
const scheduledRounds = Number(process.env.SCHEDULED || 2)
const size = Number(process.env.MEMBERS || 50)
const { login, call } = apiClient(base)
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
await db.connect()
const rows = async (query, values) => (await db.query(query, values)).rows

const [editor, reviewer] = await Promise.all(['editor@example.com', 'reviewer@example.com'].map(login))
const [{ n: live }] = await rows(`select count(*)::int as n from articles where _status = 'published'`)

/** Live articles that no release, submission or schedule touches yet, and nobody edited since approval. */
async function freshArticles(count) {
  return rows(
    `select a.id, a.slug, a.summary from articles a join workflow w on w.key = 'articles:' || a.id
     where a._status = 'published' and w.state = 'published' and a.id not in (select document_id::int from releases_members)
     order by random() limit $1`,
    [count],
  )
}

/** A submitted release of these articles, each with a changed summary, every member approved. */
async function readyRelease(articles, tag) {
  for (const article of articles)
    await call(editor, 'PATCH', `/api/articles/${article.id}?draft=true`, { summary: `${article.summary} ${tag}` })
  const { doc } = await call(editor, 'POST', '/api/releases', { name: `Bench ${tag}` })
  for (const article of articles) await call(editor, 'POST', `/api/releases/${doc.id}/members`, { collection: 'articles', id: article.id })
  await call(editor, 'POST', `/api/releases/${doc.id}/submit`, {})
  for (const article of articles) {
    const status = await call(reviewer, 'GET', `/api/articles/${article.id}/workflow`)
    await call(reviewer, 'POST', `/api/articles/${article.id}/approve`, {
      versionId: status.submission.versionId,
      evidenceChecked: true,
      readingLevelAcknowledged: true,
    })
  }
  const view = await call(reviewer, 'GET', `/api/releases/${doc.id}`)
  if (!view.ready) throw new Error(`release not ready: ${view.summary}`)
  return doc.id
}

const goLive = []
for (let round = 0; round < rounds; round++) {
  const tag = `R${Date.now().toString(36)}`
  const release = await readyRelease(await freshArticles(size), tag)
  const started = performance.now()
  const answer = await call(reviewer, 'POST', `/api/releases/${release}/go-live`, {})
  goLive.push(performance.now() - started)
  if (answer.state !== 'live') throw new Error(`not live: ${JSON.stringify(answer).slice(0, 200)}`)
}

const visible = []
for (let round = 0; round < scheduledRounds; round++) {
  const tag = `S${Date.now().toString(36)}`
  const [article] = await freshArticles(1)
  const release = await readyRelease([article], tag)
  const at = new Date(Date.now() + 35_000)
  await call(reviewer, 'POST', `/api/releases/${release}/schedule`, { at: at.toISOString() })
  for (;;) {
    const html = await (await fetch(`${base}/articles/${article.slug}`)).text()
    if (html.includes(tag)) break
    if (Date.now() > at.getTime() + 60_000) throw new Error('the scheduled release did not show within a minute of its time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  visible.push(Date.now() - at.getTime())
}
await db.end()

const fmt = (samples) => {
  samples.sort((a, b) => a - b)
  return `min ${samples[0].toFixed(0)}  p50 ${percentile(samples, 50).toFixed(0)}  max ${samples.at(-1).toFixed(0)} ms`
}
console.log(`release bench against ${base}, ${live} live articles`)
console.log(`  go-live of a ${size}-document release (${rounds} rounds)      ${fmt(goLive)}`)
if (visible.length) console.log(`  scheduled instant to visible on the page (${scheduledRounds})  ${fmt(visible)}`)
