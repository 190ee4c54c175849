#!/usr/bin/env node
// Lighthouse's four scores for the reader pages, mobile and desktop, against a running server:
//   BASE_URL=http://127.0.0.1:3000 node bench/lighthouse.mjs
// Performance is simulated throttling (Lighthouse's default), so figures vary by a few points
// between runs; the other three do not time anything.
import { lighthouseScores } from './lib/lighthouse.mjs'

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000'
const PAGES = (process.env.PAGES || '/articles/lumbar-soreness-in-early-pregnancy,/,/updates').split(',')

for (const formFactor of ['mobile', 'desktop']) {
  for (const page of PAGES) {
    const { scores, failing } = await lighthouseScores(new URL(page, BASE).href, { formFactor })
    console.log(
      `${formFactor.padEnd(7)} ${page.padEnd(48)} ${Object.entries(scores)
        .map(([id, score]) => `${id} ${score}`)
        .join('  ')}`,
    )
    for (const audit of failing) console.log(`        ${audit}`)
  }
}
