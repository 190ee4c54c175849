#!/usr/bin/env node
// The approve call under a two-reviewer sign-off rule, with its notifications enqueued, against a
// running server (npm start) on a generated database (npm run bench:generate). Each round the
// editor drafts and submits a tip; reviewer 1 approves (1 of 2: recorded, nothing published),
// reviewer 2 approves (completes the set: publishes, expires pages, tells the author). Only
// the two approve calls are timed. The rule is added for the run and removed after it.
//   BASE_URL=http://127.0.0.1:3000 DATABASE_URL=... ROUNDS=100 node bench/governance.mjs
import pg from 'pg'
import { apiClient, percentile } from './lib/client.mjs'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const rounds = Number(process.env.ROUNDS || 100)
const { login, call } = apiClient(base)
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
await db.connect()
const one = async (query) => (await db.query(query)).rows[0]

const [admin, editor, first, second] = await Promise.all(
  ['admin@example.com', 'editor@example.com', 'reviewer@example.com', 'reviewer2@example.com'].map(login),
)
const { n: articles } = await one(`select count(*)::int as n from articles where _status = 'published'`)
const saved = ((await call(admin, 'GET', '/api/globals/review-policy')).rules ?? []).map(({ id: _id, ...rule }) => rule)
await call(admin, 'POST', '/api/globals/review-policy', {
  rules: [...saved, { name: 'Bench: two reviewers for tips', collection: 'tips', approvals: 2 }],
})

const before = await one(
  `select (select count(*) from notifications)::int as notifications, (select count(*) from payload_jobs)::int as jobs`,
)
const partial = []
const completing = []
try {
  for (let i = 0; i < rounds + 5; i++) {
    const { doc } = await call(editor, 'POST', '/api/tips?draft=true', {
      title: `Governance bench tip ${Date.now().toString(36)} ${i}`,
      body: 'Rest when your back hurts.',
      category: 'rest',
      stage: 'any',
    })
    const { versionId } = await call(editor, 'POST', `/api/tips/${doc.id}/submit`, {})
    let started = performance.now()
    const one = await call(first, 'POST', `/api/tips/${doc.id}/approve`, { versionId })
    const firstMs = performance.now() - started
    if (one.state !== 'in_review') throw new Error(`the first approval should not publish: ${JSON.stringify(one)}`)
    started = performance.now()
    const two = await call(second, 'POST', `/api/tips/${doc.id}/approve`, { versionId })
    const secondMs = performance.now() - started
    if (two.state !== 'published') throw new Error(`the second approval should publish: ${JSON.stringify(two)}`)
    if (i >= 5) {
      partial.push(firstMs)
      completing.push(secondMs)
    }
  }
} finally {
  await call(admin, 'POST', '/api/globals/review-policy', { rules: saved })
}
const after = await one(
  `select (select count(*) from notifications)::int as notifications, (select count(*) from payload_jobs)::int as jobs`,
)
await db.end()

const fmt = (samples) => {
  samples.sort((a, b) => a - b)
  return `p50 ${percentile(samples, 50).toFixed(1)}  p95 ${percentile(samples, 95).toFixed(1)}  p99 ${percentile(samples, 99).toFixed(1)} ms`
}
console.log(`governance bench: ${rounds} rounds against ${base}, ${articles} live articles`)
console.log(`  first approval (1 of 2, recorded only)          ${fmt(partial)}`)
console.log(`  completing approval (publishes, notifies)       ${fmt(completing)}`)
console.log(
  `  notifications written per round: ${((after.notifications - before.notifications) / (rounds + 5)).toFixed(1)}; mail jobs still queued: ${after.jobs}`,
)
