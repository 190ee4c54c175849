#!/usr/bin/env node
// Prints the time from `npm start` (scripts/start.mjs, which migrates first) to the
// first 200 on / and on the seeded article. Needs a build (`npm run build`).
// Uses DATABASE_URL, else the embedded PostgreSQL in .data/postgres.
import { spawn } from 'node:child_process'

const port = process.env.PORT || '3300'
const base = `http://127.0.0.1:${port}`
const started = performance.now()
const server = spawn('node', ['scripts/start.mjs'], {
  env: { ...process.env, PORT: port, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-secret' },
  stdio: 'ignore',
})

async function firstOk(path) {
  for (;;) {
    try {
      const response = await fetch(base + path)
      if (response.ok) return performance.now() - started
    } catch {
      // Not listening yet.
    }
    if (server.exitCode !== null) throw new Error('server exited')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

try {
  const home = await firstOk('/')
  const article = await firstOk('/articles/lumbar-soreness-in-early-pregnancy')
  console.log(`cold start to first 200 on /:        ${Math.round(home)} ms`)
  console.log(`cold start to first 200 on article: ${Math.round(article)} ms`)
} finally {
  server.kill('SIGTERM')
}
