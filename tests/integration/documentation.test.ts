// Docs change with the code: every environment variable the code reads is documented in
// docs/OPERATIONS.md (the benchmarks' in bench/README.md), and every endpoint Vetted adds to
// Payload's REST API in docs/API.md. Payload's own endpoints are linked there, not copied.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import config from '@payload-config'
import { describe, expect, it } from 'vitest'
import { REVIEWABLE_COLLECTIONS } from '@/workflow'

/** Set by Node.js, Next.js or the shell, not by whoever runs Vetted. */
const PLATFORM = new Set(['PATH', 'NODE_ENV', 'NODE_OPTIONS', 'NEXT_RUNTIME', 'NEXT_PHASE'])
const CODE = /\.(ts|tsx|mjs|cjs|js)$/

function filesUnder(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return CODE.test(entry) ? [entry] : []
  return readdirSync(entry).flatMap((name) => (name === 'node_modules' || name.startsWith('.') ? [] : filesUnder(path.join(entry, name))))
}

/** The variables read as `process.env.NAME`, `env.NAME` (a passed environment) or `process.env['NAME']`. */
function variablesReadIn(entries: string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of entries.flatMap(filesUnder)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)\b|process\.env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)) {
      const name = match[1] ?? match[2]!
      if (!PLATFORM.has(name) && !found.has(name)) found.set(name, file)
    }
  }
  return found
}

const documented = (doc: string, name: string) => new RegExp('`' + name + '`').test(doc)

describe('the documentation', () => {
  it('names every environment variable the app, its scripts and its tests read (docs/OPERATIONS.md)', () => {
    const doc = readFileSync('docs/OPERATIONS.md', 'utf8')
    const read = variablesReadIn([
      'src',
      'scripts',
      'collections',
      'globals',
      'seed',
      'tests',
      'payload.config.ts',
      'next.config.mjs',
      'playwright.config.ts',
      'vitest.config.ts',
    ])
    expect(read.size).toBeGreaterThan(20)
    const missing = [...read].filter(([name]) => !documented(doc, name)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })

  it('names every environment variable the benchmarks read (bench/README.md)', () => {
    const doc = readFileSync('bench/README.md', 'utf8') + readFileSync('docs/OPERATIONS.md', 'utf8')
    const missing = [...variablesReadIn(['bench'])].filter(([name]) => !documented(doc, name)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })

  it('lists every endpoint Vetted adds to the REST API (docs/API.md)', async () => {
    const doc = readFileSync('docs/API.md', 'utf8')
    const sanitized = await config
    const key = (endpoint: { method: string; path: string }) => `${endpoint.method.toUpperCase()} ${endpoint.path}`
    // What Payload gives every collection, and its root and auth endpoints: linked, not listed.
    const plain = new Set((sanitized.collections.find((c) => c.slug === 'sources')?.endpoints || []).map(key))
    const payloadRoot = new Set(['GET /access', 'GET /og'])
    const payloadAuth = new Set([
      'POST /forgot-password',
      'GET /init',
      'POST /login',
      'POST /logout',
      'GET /me',
      'POST /refresh-token',
      'POST /first-register',
      'POST /reset-password',
      'POST /unlock',
      'POST /verify/:id',
    ])
    const payloadJobs = new Set(['GET /run', 'GET /handle-schedules'])
    const added: string[] = []
    for (const endpoint of (sanitized.endpoints || []).map(key))
      if (!payloadRoot.has(endpoint)) added.push(endpoint.replace(' /', ' /api/'))
    for (const collection of sanitized.collections) {
      if (collection.slug.startsWith('payload-')) continue // Payload's own collections
      const own = (collection.endpoints || []).map(key).filter((e) => !plain.has(e) && !payloadAuth.has(e) && !payloadJobs.has(e))
      const prefix = (REVIEWABLE_COLLECTIONS as readonly string[]).includes(collection.slug) ? '<collection>' : collection.slug
      for (const endpoint of own) added.push(endpoint.replace(' /', ` /api/${prefix}/`))
    }
    expect(added.length).toBeGreaterThan(15)
    expect([...new Set(added)].filter((endpoint) => !doc.includes('`' + endpoint + '`'))).toEqual([])
  })
})
