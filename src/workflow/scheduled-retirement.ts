// Scheduled retirement: a reviewer sets when live content leaves the site (seasonal advice, a
// time-limited alert). At that time it retires through the same path as a manual retirement.
// Pure rules (no Payload, no I/O).

/** At least this far ahead: a time in the past or the next seconds is a mistake, not a schedule. */
export const MIN_LEAD_SECONDS = 30
/** At most this far ahead. */
export const MAX_LEAD_DAYS = 3 * 366

export type RetirementRequest = {
  actor: { roles: readonly string[] }
  isLive: boolean
  /** As sent: an ISO 8601 date-time with its time zone (`Z` or `+01:00`), or null to cancel. */
  at: unknown
  comment: unknown
  now: Date
}

export type RetirementDecision =
  | { ok: true; at: Date; comment: string }
  | { ok: true; cancel: true }
  | { ok: false; status: 400 | 403 | 409; message: string }

const refuse = (status: 400 | 403 | 409, message: string): RetirementDecision => ({ ok: false, status, message })

// A date and a time, with seconds optional, and a time zone that must be there.
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export function decideRetirement({ actor, isLive, at, comment, now }: RetirementRequest): RetirementDecision {
  if (!actor.roles.includes('reviewer')) return refuse(403, 'Only reviewer accounts may schedule a retirement.')
  if (at === null) return { ok: true, cancel: true }
  if (typeof at !== 'string' || !WITH_ZONE.test(at) || Number.isNaN(Date.parse(at))) {
    return refuse(400, '"at" must be a date and time with its time zone, for example "2027-03-31T18:00:00+01:00" (null cancels).')
  }
  const when = new Date(at)
  if (when.getTime() < now.getTime() + MIN_LEAD_SECONDS * 1000) {
    return refuse(400, `"at" must be at least ${MIN_LEAD_SECONDS} seconds from now: to retire now, use retire.`)
  }
  if (when.getTime() > now.getTime() + MAX_LEAD_DAYS * 86_400_000) return refuse(400, '"at" must be within three years.')
  if (typeof comment !== 'string' || !comment.trim()) {
    return refuse(400, 'Say why it retires: { "at": "...", "comment": "..." } (readers lose this page then).')
  }
  if (!isLive) return refuse(409, 'Only live content can be scheduled to retire.')
  return { ok: true, at: when, comment: comment.trim() }
}

/** Whether a scheduled job is still the one to carry out: the schedule it was queued for is the current one. */
export const isCurrentSchedule = (scheduledAt: string | Date | null | undefined, jobAt: string): boolean =>
  scheduledAt != null && new Date(scheduledAt).getTime() === new Date(jobAt).getTime()
