#!/usr/bin/env node
// p50/p95/p99 of POST /api/tips/:id/approve against a running server (npm start,
// seeded). Each round: the editor drafts and submits a tip, a reviewer approves it;
// only the approve call is timed.   BASE_URL=http://127.0.0.1:3000 ROUNDS=100 node bench/approve.mjs
import { apiClient, percentile } from './lib/client.mjs'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const rounds = Number(process.env.ROUNDS || 100)
const { login, call } = apiClient(base)


const editor = await login('editor@example.com')
const reviewer = await login('reviewer2@example.com')
const timings = []
for (let i = 0; i < rounds; i++) {
  const slug = `bench-approve-${Date.now().toString(36)}-${i}`
  const { doc } = await call(editor, 'POST', '/api/tips?draft=true', {
    title: `Benchmark tip ${i}`, slug, body: 'Rest when your back hurts.', category: 'rest', stage: 'any',
  })
  const { versionId } = await call(editor, 'POST', `/api/tips/${doc.id}/submit`, {})
  const started = performance.now()
  await call(reviewer, 'POST', `/api/tips/${doc.id}/approve`, { versionId })
  timings.push(performance.now() - started)
}
timings.sort((a, b) => a - b)
const fmt = (ms) => `${ms.toFixed(1)} ms`
console.log(`approve call over HTTP, ${rounds} rounds against ${base}`)
console.log(`p50 ${fmt(percentile(timings, 50))}  p95 ${fmt(percentile(timings, 95))}  p99 ${fmt(percentile(timings, 99))}  max ${fmt(timings.at(-1))}`)
