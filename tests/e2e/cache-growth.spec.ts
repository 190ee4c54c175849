// Strangers' requests must not grow the server's caches: made-up article addresses are
// answered from the cached list of live slugs and leave no rendered page behind, and
// search results live in a bounded in-memory cache, not one disk entry per query.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

const CACHE_DIRS = ['.next/server/route-cache', '.next/cache/fetch-cache', '.next/server/app']

function files(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full) : [full]
  })
}

const cacheFiles = () => new Set(CACHE_DIRS.flatMap(files))
const random = () => Math.random().toString(36).slice(2, 10)

test('made-up article addresses and distinct searches leave no cache entries', async ({ request }) => {
  // Prime whatever a first request legitimately caches (the live slug list, the 404 page).
  expect((await request.get(`/articles/prime-${random()}`)).status()).toBe(404)
  expect((await request.get(`/search?q=prime${random()}`)).status()).toBe(200)
  const before = cacheFiles()

  for (let i = 0; i < 40; i++) {
    expect((await request.get(`/articles/made-up-${random()}`)).status()).toBe(404)
    expect((await request.get(`/search?q=${random()}`)).status()).toBe(200)
  }

  const added = [...cacheFiles()].filter((file) => !before.has(file))
  expect(added).toEqual([])
  // The seeded article is still served, and cached.
  expect((await request.get('/articles/lumbar-soreness-in-early-pregnancy')).status()).toBe(200)
})
