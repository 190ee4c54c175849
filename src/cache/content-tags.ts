// Cache tags of the reader site's data, and the one place that expires them.
import { revalidateTag } from 'next/cache'
import { sharedCacheEnabled } from './shared-cache'
import { expireTagsInProcess } from './page-cache-handler.mjs'

export const CONTENT_TAGS = {
  /** Everything readers see: expired when shared content (a tip or warning) changes. */
  all: 'content',
  articleList: 'articles:list',
  article: (slug: string) => `articles:slug:${slug}`,
} as const

// Bumped on every expiry in this process: in-process caches (search results) compare it
// with the value they stored under. On globalThis: route bundles may load this module twice.
const GENERATION = Symbol.for('vetted.content-generation')
const store = globalThis as unknown as { [GENERATION]?: number }
export const contentGeneration = (): number => store[GENERATION] ?? 0

/**
 * Expires the tags at once in this process (not stale-while-revalidate): a retired or
 * corrected medical page must not be served again. With the shared cache the expiry is
 * written to Redis directly (src/cache/expiry-outbox.ts), before the response, for every
 * instance; Next.js's revalidateTag would write it again only after the response.
 * Outside a Next.js request (a job in the server, a script) the tags are expired in this
 * process's tag manifest directly (src/cache/page-cache-handler.mjs).
 */
export function expireContent(tags: string[]): void {
  if (tags.length > 0) store[GENERATION] = contentGeneration() + 1
  if (sharedCacheEnabled()) return
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('static generation store missing'))) throw error
      // Outside a request (a scheduled job in the server): expire this process's cache directly.
      void expireTagsInProcess([tag])
    }
  }
}
