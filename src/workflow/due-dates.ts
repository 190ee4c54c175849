// Review due dates.

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12
/** Due within this many days counts as "due soon" in the reviewers' queue. */
export const DUE_SOON_DAYS = 30

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date)
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

export type DueStatus = 'overdue' | 'due_soon' | 'current'

export function dueStatus(nextReviewDue: string | Date | null | undefined, now: Date): DueStatus {
  if (!nextReviewDue) return 'current'
  const due = new Date(nextReviewDue).getTime()
  if (due <= now.getTime()) return 'overdue'
  if (due <= now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000) return 'due_soon'
  return 'current'
}
