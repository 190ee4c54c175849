#!/usr/bin/env node
// p50/p95/p99 of the approve call against a running server (npm start, seeded). Each round:
// the editor drafts and submits a tip (or, with COLLECTION=articles, an article of about 200
// words citing the seeded sources: the approval then also measures its reading level, records
// its evidence and copies declarations), a reviewer approves it; only the approve call is timed.
//   BASE_URL=http://127.0.0.1:3000 ROUNDS=100 [COLLECTION=articles] node --import tsx bench/approve.mjs
import { apiClient, percentile } from './lib/client.mjs'
import { lexicalFromSections } from '../seed/lexical.ts'

const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
const rounds = Number(process.env.ROUNDS || 100)
const collection = process.env.COLLECTION === 'articles' ? 'articles' : 'tips'
const { login, call } = apiClient(base)

const editor = await login('editor@example.com')
const reviewer = await login('reviewer2@example.com')
const sources =
  collection === 'articles' ? (await call(editor, 'GET', '/api/sources?limit=2&depth=0')).docs.map((source) => ({ source: source.id })) : []
const paragraph =
  'Back pain is common in early pregnancy. Your body makes hormones that soften the ligaments in your pelvis, and your posture changes as your bump grows. Most back pain eases with rest, gentle exercise and good posture. Wear flat shoes, bend your knees when you lift, and sleep on your side with a pillow between your knees.'

const draftOf = (i, slug) =>
  collection === 'articles'
    ? {
        title: `Benchmark article ${i}`,
        slug,
        summary: 'Why back pain happens in early pregnancy, and what helps.',
        topic: 'Benchmark',
        audience: 'patient',
        body: lexicalFromSections([{ paragraphs: [paragraph, paragraph, paragraph] }]),
        disclaimer: 'For benchmarks only.',
        references: sources,
      }
    : { title: `Benchmark tip ${i}`, slug, body: 'Rest when your back hurts.', category: 'rest', stage: 'any' }

const timings = []
for (let i = 0; i < rounds; i++) {
  const slug = `bench-approve-${Date.now().toString(36)}-${i}`
  const { doc } = await call(editor, 'POST', `/api/${collection}?draft=true`, draftOf(i, slug))
  const { versionId } = await call(editor, 'POST', `/api/${collection}/${doc.id}/submit`, {})
  const started = performance.now()
  await call(reviewer, 'POST', `/api/${collection}/${doc.id}/approve`, {
    versionId,
    evidenceChecked: collection === 'articles' ? true : undefined,
    readingLevelAcknowledged: true,
  })
  timings.push(performance.now() - started)
}
timings.sort((a, b) => a - b)
const fmt = (ms) => `${ms.toFixed(1)} ms`
console.log(`approve call (${collection}) over HTTP, ${rounds} rounds against ${base}`)
console.log(
  `p50 ${fmt(percentile(timings, 50))}  p95 ${fmt(percentile(timings, 95))}  p99 ${fmt(percentile(timings, 99))}  max ${fmt(timings.at(-1))}`,
)
