// Next.js's own file-system cache for rendered pages and data, with one change: a page that
// rendered as "not found" is stored only where it replaces a page that was there (an article
// retired, or its slug changed: the old page must go). Next.js keeps an ISR page's 404 like
// any other render (seven files under .next for every made-up /articles/<slug>, never
// evicted), so a stranger could fill the disk with made-up addresses.
// Loaded by next.config.mjs (cacheHandler); plain JavaScript, as Next.js requires it at run time.
import { existsSync } from 'node:fs'
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { isNotFoundPage } from './not-found-page.mjs'

const FileSystemCache = fileSystemCache.default ?? fileSystemCache

export default class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (isNotFoundPage(data) && !this.holdsPage(key)) return
    return super.set(key, data, ctx)
  }

  /** Whether a rendered page is stored under this key, in memory or on disk. */
  holdsPage(key) {
    if (FileSystemCache.memoryCache?.get(key)) return true
    return existsSync(this.getFilePath(`${key}.html`, 'APP_PAGE'))
  }
}

/**
 * What `revalidateTag(tag, { expire: 0 })` does to this process's tag manifest, for work that
 * runs outside a Next.js request (a scheduled job), where `revalidateTag` throws. Next.js keeps
 * the manifest in one module of the server (tags-manifest.external), shared by every bundle.
 */
export function expireTagsInProcess(tags) {
  return FileSystemCache.prototype.revalidateTag.call({}, tags, { expire: 0 })
}
