// Retired articles answer 410 Gone with a short page: why it was retired and where the current
// advice is (NHS standard and PIF TICK: be open about what changed), instead of a bare 404.
// App Router pages cannot choose their status, so the proxy (src/proxy.ts) rewrites a retired
// address to /retired/[slug] with status 410. It asks the lookup below, which this module puts
// on globalThis from the server's start (src/instrumentation.ts; tombstones-registry.ts).
import type { Payload } from 'payload'
import { rows as sqlRows, sql } from '../db/sql'
import { contentGeneration } from '../cache/content-tags'
import { type LookupRegistry, RETIRED_SLUG_LOOKUP } from './tombstones-registry'

/** Another instance's retirement is seen within this long (until then the address is a 404). */
const REFRESH_MS = 2000

/**
 * Retired: not live, and the last decision about what readers see was a retirement (a new
 * draft written since does not bring the page back, nor does it take the tombstone away).
 */
const retiredArticles = sql`
  articles a
  cross join lateral (
    select decision, decided_at, public_note, replacement_id from reviews
    where document_collection = 'articles' and document_id = a.id::text and decision in ('approved', 'went_live', 'retired')
    order by decided_at desc limit 1
  ) r`
const isRetired = sql`a._status = 'draft' and r.decision = 'retired'`

/**
 * The lookup the proxy uses: a set of retired slugs, read again every two seconds or after a
 * local expiry. Requests use the set they have while a new one is read (only the first waits);
 * a failed read keeps the old set and is tried again at the next request.
 */
export function registerRetiredSlugLookup(connect: () => Promise<Payload>): void {
  let slugs: Set<string> | null = null
  let reading: Promise<void> | null = null
  let readingGeneration = -1
  let readAt = 0
  /** The content generation the current set answers for. */
  let readGeneration = -1
  const refresh = (): Promise<void> => {
    const generation = contentGeneration()
    if (reading && readingGeneration === generation) return reading
    readAt = Date.now()
    readingGeneration = generation
    const next: Promise<void> = (reading ?? Promise.resolve())
      .then(() => retiredSlugs(connect))
      .then((found) => void (slugs = found))
      .catch(() => {
        // Keep the old set (or none) rather than make readers wait on a failing database; try
        // again at the next request.
        slugs ??= new Set()
        readAt = 0
      })
      .finally(() => {
        readGeneration = generation
        if (reading === next) reading = null
      })
    reading = next
    return next
  }
  ;(globalThis as LookupRegistry)[RETIRED_SLUG_LOOKUP] = async (slug) => {
    const changedHere = contentGeneration() !== readGeneration
    if (changedHere || Date.now() - readAt > REFRESH_MS) {
      const read = refresh()
      // First use, or content changed in this process (a retirement here answers 410 at once).
      if (!slugs || changedHere) await read
    }
    return slugs?.has(slug) ?? false
  }
}

const retiredSlugs = async (connect: () => Promise<Payload>) =>
  new Set(
    (await sqlRows<{ slug: string }>(await connect(), sql`select a.slug from ${retiredArticles} where ${isRetired}`)).map(
      (row) => row.slug,
    ),
  )

export type Tombstone = {
  title: string
  slug: string
  retiredAt: string
  reason: string | null
  replacement: { title: string; slug: string } | null
}

/** The public facts of a retired article, or null if the address is not one. */
export async function readTombstone(payload: Payload, slug: string): Promise<Tombstone | null> {
  const [row] = await sqlRows<{
    title: string
    slug: string
    decided_at: string | Date
    public_note: string | null
    r_title: string | null
    r_slug: string | null
  }>(
    payload,
    sql`
    select a.title, a.slug, r.decided_at, r.public_note, live.title as r_title, live.slug as r_slug
    from ${retiredArticles}
    left join articles live on live.id = r.replacement_id and live._status = 'published'
    where ${isRetired} and a.slug = ${slug}`,
  )
  if (!row) return null
  return {
    title: row.title,
    slug: row.slug,
    retiredAt: new Date(row.decided_at).toISOString(),
    reason: row.public_note,
    replacement: row.r_slug && row.r_title ? { title: row.r_title, slug: row.r_slug } : null,
  }
}
