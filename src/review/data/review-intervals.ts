// Review intervals per collection, as admins set them in the sign-off rules (global
// `review-policy`), and what changing one does to content already reviewed.
import type { PayloadRequest } from 'payload'
import { DEFAULT_REVIEW_INTERVAL_MONTHS, type ReviewableCollection } from '../../workflow'
import { rowsInRequest, sql, tableOf } from '../../db/sql'

export type ReviewIntervals = Partial<Record<ReviewableCollection, number | null>> | null | undefined

export const intervalOf = (intervals: ReviewIntervals, collection: ReviewableCollection): number =>
  intervals?.[collection] ?? DEFAULT_REVIEW_INTERVAL_MONTHS

/**
 * The interval an approval dates its next review with. The rules' row is read FOR SHARE in the
 * approval's transaction, before any document row (the change takes the same row first, then
 * the documents: one lock order): a change of interval waits for the approval to commit (and
 * then re-dates it too), or the approval waits for the change and reads the new interval.
 */
export async function reviewIntervalMonths(req: PayloadRequest, collection: ReviewableCollection): Promise<number> {
  const [row] = await rowsInRequest<{ months: string | number | null }>(
    req,
    sql`select ${sql.identifier(`review_intervals_${collection}`)} as months from review_policy limit 1 for share`,
  )
  return intervalOf({ [collection]: row?.months == null ? null : Number(row.months) }, collection)
}

/**
 * A new interval applies to every live document of the collection whose due date came from
 * the old one: its next review is due the new interval after its last full review. (A document
 * reviewed from now on gets the new interval at its approval.) Returns how many changed.
 */
/** Months after the last full review, counted in UTC like an approval's (src/workflow/due-dates.ts). */
const dueAfter = (months: number) =>
  sql`((review_last_reviewed_at at time zone 'UTC') + make_interval(months => ${months}::int)) at time zone 'UTC'`

export async function recomputeDueDates(req: PayloadRequest, collection: ReviewableCollection, months: number): Promise<number> {
  const table = sql.identifier(tableOf(req.payload, collection))
  const changed = await rowsInRequest<{ id: number }>(
    req,
    sql`update ${table}
        set review_next_review_due = ${dueAfter(months)}
        where _status = 'published' and review_last_reviewed_at is not null
          and review_next_review_due is distinct from ${dueAfter(months)}
        returning id`,
  )
  return changed.length
}
