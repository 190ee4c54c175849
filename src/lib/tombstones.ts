// Retired articles answer 410 Gone with a short page: why it was retired and where the current
// advice is (NHS standard and PIF TICK: be open about what changed), instead of a bare 404.
// App Router pages cannot choose their status, so the proxy (src/proxy.ts) rewrites a retired
// address to /retired/[slug] with status 410. It asks the lookup below, which this module puts
// on globalThis from the server's start (src/instrumentation.ts; tombstones-registry.ts).
import type { Payload } from 'payload'
import { rows as sqlRows, sql } from './sql'
import { contentGeneration } from './content-tags'
import { type LookupRegistry, RETIRED_SLUG_LOOKUP } from './tombstones-registry'

/** Another instance's retirement is seen within this long (until then the address is a 404). */
const REFRESH_MS = 2000


const retiredJoin = sql`articles a join workflow w on w.document_collection = 'articles' and w.document_id = a.id::text`
const isRetired = sql`w.state = 'retired' and a._status = 'draft'`

/** The lookup the proxy uses: a set of retired slugs, read again every two seconds or after a local expiry. */
export function registerRetiredSlugLookup(connect: () => Promise<Payload>): void {
  let slugs: Promise<Set<string>> | null = null
  let readAt = 0
  let generation = -1
  const read = async () => new Set((await sqlRows<{ slug: string }>(await connect(), sql`select a.slug from ${retiredJoin} where ${isRetired}`)).map((row) => row.slug))
  ;(globalThis as LookupRegistry)[RETIRED_SLUG_LOOKUP] = async (slug) => {
    if (!slugs || Date.now() - readAt > REFRESH_MS || generation !== contentGeneration()) {
      readAt = Date.now()
      generation = contentGeneration()
      const next = read()
      // A failed read keeps the previous answer (and is tried again next time).
      slugs = next.catch(() => {
        readAt = 0
        return new Set<string>()
      })
    }
    return (await slugs).has(slug)
  }
}

export type Tombstone = {
  title: string
  slug: string
  retiredAt: string
  reason: string | null
  replacement: { title: string; slug: string } | null
}

/** The public facts of a retired article, or null if the address is not one. */
export async function readTombstone(payload: Payload, slug: string): Promise<Tombstone | null> {
  const [row] = await sqlRows<{ title: string; slug: string; decided_at: string | Date; public_note: string | null; r_title: string | null; r_slug: string | null }>(
    payload,
    sql`
    select a.title, a.slug, r.decided_at, r.public_note, live.title as r_title, live.slug as r_slug
    from ${retiredJoin}
    cross join lateral (
      select decided_at, public_note, replacement_id from reviews
      where document_collection = 'articles' and document_id = a.id::text and decision = 'retired'
      order by decided_at desc limit 1
    ) r
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
