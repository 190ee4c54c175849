// Review intervals per collection, as admins set them in the sign-off rules (global
// `review-policy`), and what changing one does to content already reviewed.
import type { PayloadRequest } from 'payload'
import { DEFAULT_REVIEW_INTERVAL_MONTHS, type ReviewableCollection } from '../workflow'
import { rowsInRequest, sql, tableOf } from '../lib/sql'

export type ReviewIntervals = Partial<Record<ReviewableCollection, number | null>> | null | undefined

export const intervalOf = (intervals: ReviewIntervals, collection: ReviewableCollection): number =>
  intervals?.[collection] ?? DEFAULT_REVIEW_INTERVAL_MONTHS

export async function reviewIntervalMonths(req: PayloadRequest, collection: ReviewableCollection): Promise<number> {
  const global = await req.payload.findGlobal({ slug: 'review-policy', depth: 0, overrideAccess: true, req, select: { reviewIntervals: true } })
  return intervalOf(global.reviewIntervals as ReviewIntervals, collection)
}

/**
 * A new interval applies to every live document of the collection whose due date came from
 * the old one: its next review is due the new interval after its last full review. (A document
 * reviewed from now on gets the new interval at its approval.) Returns how many changed.
 */
export async function recomputeDueDates(req: PayloadRequest, collection: ReviewableCollection, months: number): Promise<number> {
  const table = sql.identifier(tableOf(req.payload, collection))
  const changed = await rowsInRequest<{ id: number }>(
    req,
    sql`update ${table}
        set review_next_review_due = review_last_reviewed_at + make_interval(months => ${months}::int)
        where _status = 'published' and review_last_reviewed_at is not null
          and review_next_review_due is distinct from review_last_reviewed_at + make_interval(months => ${months}::int)
        returning id`,
  )
  return changed.length
}
