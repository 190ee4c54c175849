#!/usr/bin/env node
// One heavy GraphQL request against a running server (loopback only), while a reader asks
// for GET /api/tips?limit=1 again and again: the reader's latency during the storm, and
// what the storm got back. Two storms: the 300-alias request an attacker sent (refused by
// the cost limits) and the heaviest one the limits allow (9 lists of 100, in parallel).
//   BASE_URL=http://127.0.0.1:3000 node bench/graphql-storm.mjs
import { percentile, loopbackBase } from './lib/client.mjs'

const base = loopbackBase('graphql-storm')

const aliases = (count, limit) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { title } }`).join(' ')} }`

async function readerDuring(stormQuery, rounds = 3) {
  const latencies = []
  const statuses = {}
  let storm = { status: 0, ms: 0 }
  for (let round = 0; round < rounds; round++) {
    let done = false
    const started = performance.now()
    const request = fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: stormQuery }),
    }).then(async (response) => {
      await response.text()
      storm = { status: response.status, ms: performance.now() - started }
      done = true
    })
    // Readers every 10 ms until the storm is answered (at least 20 of them).
    for (let i = 0; !done || i < 20; i++) {
      const t0 = performance.now()
      const response = await fetch(`${base}/api/tips?limit=1`)
      await response.text()
      latencies.push(performance.now() - t0)
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      await new Promise((resolve) => setTimeout(resolve, 10))
      if (i > 2000) break
    }
    await request
  }
  latencies.sort((a, b) => a - b)
  const f = (ms) => ms.toFixed(1)
  return `storm ${storm.status} in ${f(storm.ms)} ms; reader GET /api/tips?limit=1 x${latencies.length}: p50 ${f(percentile(latencies, 50))} / p95 ${f(percentile(latencies, 95))} / max ${f(latencies.at(-1))} ms, statuses ${JSON.stringify(statuses)}`
}

console.log(`quiet reader:                 ${await readerDuring('{ Tips(limit: 1) { docs { title } } }', 1)}`)
console.log(`300 aliases x limit 100:      ${await readerDuring(aliases(300, 100))}`)
console.log(`9 aliases x limit 100 (max):  ${await readerDuring(aliases(9, 100))}`)
