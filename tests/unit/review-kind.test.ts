import { describe, expect, it } from 'vitest'
import {
  intervalProblem,
  isReviewKind,
  NEVER_FULLY_REVIEWED,
  NOT_LIVE_FOR_MINOR,
  refuseMinor,
  reviewDates,
  signOffKind,
} from '@/workflow/review-kind'

describe('what counts as a review', () => {
  const now = new Date('2026-11-29T10:00:00.000Z')
  const previous = { lastReviewedAt: '2026-01-31T09:00:00.000Z', nextReviewDue: '2027-01-31T09:00:00.000Z' }

  it('dates a full review now and its next one an interval later', () => {
    expect(reviewDates({ kind: 'full', now, previous, intervalMonths: 6 })).toEqual({
      lastReviewedAt: '2026-11-29T10:00:00.000Z',
      nextReviewDue: '2027-05-29T10:00:00.000Z',
      approvedAt: '2026-11-29T10:00:00.000Z',
    })
  })

  it('keeps the review dates on a minor change, and dates only its approval', () => {
    expect(reviewDates({ kind: 'minor', now, previous, intervalMonths: 6 })).toEqual({
      ...previous,
      approvedAt: '2026-11-29T10:00:00.000Z',
    })
    // A due date missing from the record comes from the interval.
    expect(
      reviewDates({ kind: 'minor', now, previous: { lastReviewedAt: previous.lastReviewedAt }, intervalMonths: 1 }).nextReviewDue,
    ).toBe('2026-02-28T09:00:00.000Z')
  })

  it('never lets a minor change be the first sign-off, nor bring retired content back', () => {
    expect(refuseMinor('minor', { lastReviewedAt: null, isLive: false })).toBe(NEVER_FULLY_REVIEWED)
    expect(refuseMinor('minor', { lastReviewedAt: previous.lastReviewedAt, isLive: true })).toBeNull()
    expect(refuseMinor('full', { lastReviewedAt: null, isLive: false })).toBeNull()
    // Retired content comes back only through a full review.
    expect(refuseMinor('minor', { lastReviewedAt: previous.lastReviewedAt, isLive: false })).toBe(NOT_LIVE_FOR_MINOR)
    // Should it get through anyway, a minor change without a record is dated as a full review.
    expect(reviewDates({ kind: 'minor', now, previous: null, intervalMonths: 12 }).lastReviewedAt).toBe(now.toISOString())
  })

  it('calls a sign-off a full review when any counted approval was one (older approvals were full)', () => {
    expect(signOffKind(['minor', 'minor'])).toBe('minor')
    expect(signOffKind(['minor', 'full'])).toBe('full')
    expect(signOffKind(['minor', null])).toBe('full')
  })

  it('knows the kinds and the bounds of an interval', () => {
    expect(isReviewKind('full')).toBe(true)
    expect(isReviewKind('Full')).toBe(false)
    expect(intervalProblem(12)).toBeNull()
    expect(intervalProblem(0)).toMatch(/between 1 and 60/)
    expect(intervalProblem(61)).toMatch(/between 1 and 60/)
    expect(intervalProblem(1.5)).toMatch(/whole number/)
    expect(intervalProblem('12')).toMatch(/whole number/)
  })
})
