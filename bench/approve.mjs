#!/usr/bin/env node
// p50/p95/p99 of POST /api/tips/:id/approve against a running server (npm start,
// seeded). Each round: the editor drafts and submits a tip, a reviewer approves it;
// only the approve call is timed.   BASE_URL=http://127.0.0.1:3000 ROUNDS=100 node bench/approve.mjs
const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const rounds = Number(process.env.ROUNDS || 100)
const password = process.env.SEED_PASSWORD || 'vetted-demo'

async function login(email) {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`)
  return (await response.json()).token
}

async function call(token, method, path, body) {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

const editor = await login('editor@example.com')
const reviewer = await login('reviewer2@example.com')
const timings = []
for (let i = 0; i < rounds; i++) {
  const slug = `bench-approve-${Date.now().toString(36)}-${i}`
  const { doc } = await call(editor, 'POST', '/tips?draft=true', {
    title: `Benchmark tip ${i}`, slug, body: 'Rest when your back hurts.', category: 'rest', stage: 'any',
  })
  const { versionId } = await call(editor, 'POST', `/tips/${doc.id}/submit`, {})
  const started = performance.now()
  await call(reviewer, 'POST', `/tips/${doc.id}/approve`, { versionId })
  timings.push(performance.now() - started)
}
timings.sort((a, b) => a - b)
const fmt = (ms) => `${ms.toFixed(1)} ms`
console.log(`approve call over HTTP, ${rounds} rounds against ${base}`)
console.log(`p50 ${fmt(percentile(timings, 50))}  p95 ${fmt(percentile(timings, 95))}  p99 ${fmt(percentile(timings, 99))}  max ${fmt(timings.at(-1))}`)
