// What counts as a review (the NHS "page last reviewed" rule): a full clinical review moves
// the public "last reviewed" date and the next review due date; a minor change (a typo, a
// link, formatting) is approved like any change but moves neither. Every approval that makes
// a version live moves its "modified" date. Pure rules (no Payload, no I/O).
import { addMonths } from './due-dates'

export const REVIEW_KINDS = ['full', 'minor'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]

export const REVIEW_KIND_LABEL: Record<ReviewKind, string> = {
  full: 'Full clinical review',
  minor: 'Minor change (typo, link, formatting)',
}

export const MIN_REVIEW_INTERVAL_MONTHS = 1
export const MAX_REVIEW_INTERVAL_MONTHS = 60

export const isReviewKind = (value: unknown): value is ReviewKind => REVIEW_KINDS.includes(value as ReviewKind)

/** A sign-off is a full review when any approval counted in it was one. */
export const signOffKind = (kinds: readonly (ReviewKind | null | undefined)[]): ReviewKind =>
  kinds.some((kind) => kind !== 'minor') ? 'full' : 'minor'

export const NEVER_FULLY_REVIEWED =
  'This content has never had a full clinical review, so its first sign-off cannot be a minor change: approve it as a full review.'
export const NOT_LIVE_FOR_MINOR =
  'Only a change to live content can be a minor change: content that is coming back after retirement needs a full clinical review.'

/** A minor change is a small change to live content whose last full review is on record. */
export function refuseMinor(
  kind: ReviewKind,
  { lastReviewedAt, isLive }: { lastReviewedAt: string | Date | null | undefined; isLive: boolean },
): string | null {
  if (kind !== 'minor') return null
  if (!lastReviewedAt) return NEVER_FULLY_REVIEWED
  return isLive ? null : NOT_LIVE_FOR_MINOR
}

export type ReviewDates = { lastReviewedAt: string; nextReviewDue: string; approvedAt: string }

/**
 * The dates a sign-off gives the live content. A full review dates the review now and the next
 * one an interval later; a minor change keeps both (it is checked, not re-reviewed).
 */
export function reviewDates({
  kind,
  now,
  previous,
  intervalMonths,
}: {
  kind: ReviewKind
  now: Date
  previous: { lastReviewedAt?: string | null; nextReviewDue?: string | null } | null | undefined
  intervalMonths: number
}): ReviewDates {
  const approvedAt = now.toISOString()
  if (kind === 'minor' && previous?.lastReviewedAt) {
    return {
      lastReviewedAt: new Date(previous.lastReviewedAt).toISOString(),
      nextReviewDue: new Date(previous.nextReviewDue ?? addMonths(new Date(previous.lastReviewedAt), intervalMonths)).toISOString(),
      approvedAt,
    }
  }
  return { lastReviewedAt: approvedAt, nextReviewDue: addMonths(now, intervalMonths).toISOString(), approvedAt }
}

/** An interval an admin typed: whole months within bounds, or a message saying what is wrong. */
export function intervalProblem(months: unknown): string | null {
  if (typeof months !== 'number' || !Number.isInteger(months)) return 'A review interval is a whole number of months.'
  if (months < MIN_REVIEW_INTERVAL_MONTHS || months > MAX_REVIEW_INTERVAL_MONTHS) {
    return `A review interval is between ${MIN_REVIEW_INTERVAL_MONTHS} and ${MAX_REVIEW_INTERVAL_MONTHS} months.`
  }
  return null
}
