// When something is scheduled to happen (a retirement, a go-live): an ISO 8601 date-time with
// its time zone, a little ahead of now and not years away. Pure rules (no Payload, no I/O).

/**
 * At least this far ahead by default: a time in the past or the next seconds is a mistake, not a
 * schedule (operators may set another: VETTED_MIN_SCHEDULE_LEAD_SECONDS).
 */
export const MIN_LEAD_SECONDS = 30
/** At most this far ahead. */
export const MAX_LEAD_DAYS = 3 * 366

// A date and a time, with seconds optional, and a time zone that must be there.
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export type ScheduledTime = { ok: true; at: Date } | { ok: false; status: 400; message: string }

/** `nowHint` says what to do instead of a time in the next seconds ("to retire now, use retire"). */
export function checkScheduledTime(at: unknown, now: Date, nowHint: string, minLeadSeconds = MIN_LEAD_SECONDS): ScheduledTime {
  if (typeof at !== 'string' || !WITH_ZONE.test(at) || Number.isNaN(Date.parse(at))) {
    return { ok: false, status: 400, message: '"at" must be a date and time with its time zone, for example "2027-03-31T18:00:00+01:00".' }
  }
  const when = new Date(at)
  if (when.getTime() < now.getTime() + minLeadSeconds * 1000) {
    return { ok: false, status: 400, message: `"at" must be at least ${minLeadSeconds} seconds from now: ${nowHint}.` }
  }
  if (when.getTime() > now.getTime() + MAX_LEAD_DAYS * 86_400_000)
    return { ok: false, status: 400, message: '"at" must be within three years.' }
  return { ok: true, at: when }
}

/** Whether a scheduled job is still the one to carry out: the schedule it was queued for is the current one. */
export const isCurrentSchedule = (scheduledAt: string | Date | null | undefined, jobAt: string): boolean =>
  scheduledAt != null && new Date(scheduledAt).getTime() === new Date(jobAt).getTime()
