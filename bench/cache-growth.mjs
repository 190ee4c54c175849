#!/usr/bin/env node
// Disk growth of the server's caches (.next) over junk requests from strangers: made-up
// article addresses and distinct searches, against a running production server started
// from this folder (loopback only, bounded).
//   BASE_URL=http://127.0.0.1:3000 JUNK_REQUESTS=10000 node bench/cache-growth.mjs
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { loopbackBase } from './lib/client.mjs'

const base = loopbackBase('cache-growth')
const total = Number(process.env.JUNK_REQUESTS || 10_000)

function usage(dir) {
  let files = 0
  let bytes = 0
  const walk = (d) => {
    let entries
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
    for (const name of entries) {
      const full = path.join(d, name)
      const stat = statSync(full)
      if (stat.isDirectory()) walk(full)
      else {
        files++
        bytes += stat.size
      }
    }
  }
  walk(dir)
  return { files, bytes }
}

const before = usage('.next')
const statuses = {}
const started = performance.now()
const random = () => Math.random().toString(36).slice(2, 12)
for (let i = 0; i < total; i++) {
  const url = i % 2 === 0 ? `${base}/articles/made-up-${random()}` : `${base}/search?q=${random()}`
  const response = await fetch(url)
  await response.arrayBuffer()
  statuses[response.status] = (statuses[response.status] ?? 0) + 1
}
const after = usage('.next')
const seconds = (performance.now() - started) / 1000
console.log(
  `${total} junk requests (half made-up article slugs, half distinct searches) in ${seconds.toFixed(1)} s: ${JSON.stringify(statuses)}`,
)
console.log(
  `.next: ${before.files} -> ${after.files} files (${after.files - before.files >= 0 ? '+' : ''}${after.files - before.files}), ${(before.bytes / 1e6).toFixed(2)} -> ${(after.bytes / 1e6).toFixed(2)} MB (${((after.bytes - before.bytes) / 1e3).toFixed(1)} KB)`,
)
