// What changed, as readers see it: each article's log (the records that made a version live,
// newest first) and the site-wide list of recent updates (/updates and its Atom feed). Read
// from the sign-off trail, selecting only what is public: the time, the kind, the public note.
import 'server-only'
import type { Payload, PayloadRequest, Where } from 'payload'
import { type ChangeEntry, changeKindOf, type ReviewKind } from '../workflow'
import { rows, sql } from '../db/sql'

export const LOG_LENGTH = 20
export const UPDATES_LENGTH = 50

type LogRecord = { decidedAt: string; reviewKind?: ReviewKind | null; publicNote?: string | null; correction?: boolean | null }

/** The trail records that made one of this article's versions live: approvals, and go-lives of held sign-offs. */
export const madeLive = (articleId: number): Where[] => [
  { documentCollection: { equals: 'articles' } },
  { documentId: { equals: String(articleId) } },
  { decision: { in: ['approved', 'went_live'] } },
  { publishes: { equals: true } },
]

/** The article's log, newest first: every record that made one of its versions live. */
export async function readChangeLog(payload: Payload, req: Partial<PayloadRequest>, articleId: number): Promise<ChangeEntry[]> {
  const { docs } = await payload.find({
    collection: 'reviews',
    req,
    overrideAccess: true,
    where: { and: madeLive(articleId) },
    sort: '-decidedAt',
    limit: LOG_LENGTH + 1,
    depth: 0,
    select: { decidedAt: true, reviewKind: true, publicNote: true, correction: true },
  })
  const records = docs as LogRecord[]
  // The oldest record is the first publication only if the whole log was read.
  const whole = records.length <= LOG_LENGTH
  return records.slice(0, LOG_LENGTH).map((record, index, shown) => ({
    at: record.decidedAt,
    kind: changeKindOf({
      first: whole && index === shown.length - 1,
      correction: record.correction === true,
      reviewKind: record.reviewKind,
    }),
    note: record.publicNote ?? null,
  }))
}

export type Update = ChangeEntry & { id: number; title: string; slug: string }

/** The latest changes to live articles, site-wide, newest first. One query. */
export async function readRecentUpdates(payload: Payload): Promise<Update[]> {
  const found = await rows<{
    id: number
    at: Date | string
    kind: ReviewKind | null
    note: string | null
    correction: boolean | null
    first: boolean
    title: string
    slug: string
  }>(
    payload,
    sql`select v.id, v.decided_at as at, v.review_kind::text as kind, v.public_note as note, v.correction, a.title, a.slug,
          not exists (
            select 1 from reviews e
            where e.document_collection = 'articles' and e.document_id = v.document_id and e.publishes
              and e.decision in ('approved', 'went_live') and e.decided_at < v.decided_at
          ) as first
        from reviews v join articles a on a.id::text = v.document_id and a._status = 'published'
        where v.document_collection = 'articles' and v.publishes and v.decision in ('approved', 'went_live')
        order by v.decided_at desc
        limit ${UPDATES_LENGTH}`,
  )
  return found.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    kind: changeKindOf({ first: row.first, correction: row.correction === true, reviewKind: row.kind }),
    note: row.note,
    title: row.title,
    slug: row.slug,
  }))
}
