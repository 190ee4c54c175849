// When something is scheduled to happen (a retirement, a go-live): an ISO 8601 date-time with
// its time zone, a little ahead of now and not years away. Pure rules (no Payload, no I/O).

/**
 * At least this far ahead by default: a time in the past or the next seconds is a mistake, not a
 * schedule (operators may set another: VETTED_MIN_SCHEDULE_LEAD_SECONDS).
 */
export const MIN_LEAD_SECONDS = 30
/** At most this far ahead. */
export const MAX_LEAD_DAYS = 3 * 366

// A date and a time (RFC 3339; seconds optional), and a time zone that must be there.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/
const EXAMPLE = '"at" must be a date and time with its time zone, for example "2027-03-31T18:00:00+01:00"'
/** Offsets in use on Earth: from -12:00 to +14:00, in quarter hours (a rule of Vetted's own). */
const OFFSET_MINUTES = { min: -12 * 60, max: 14 * 60, step: 15 }

export type DateTime = { ok: true; at: Date } | { ok: false; status: 400; message: string }

const refuse = (message: string): DateTime => ({ ok: false, status: 400, message })
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * A real date and time with its zone, or what is wrong with it. `Date.parse` rolls impossible
 * fields over (30 February is 2 March, 24:00 the next day); a clinical go-live on the wrong day
 * is a defect, so every field must be one a calendar and a clock have.
 */
export function parseDateTime(text: unknown): DateTime {
  const match = typeof text === 'string' ? DATE_TIME.exec(text) : null
  if (!match) return refuse(`${EXAMPLE}.`)
  const [, yyyy, mm, dd, hh, mi, ss = '00', fraction = '', sign, offsetHours = '00', offsetMinutes = '00'] = match
  const [year, month, day, hour, minute, second] = [yyyy, mm, dd, hh, mi, ss].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12) return refuse(`"at" names month ${mm}: months run from 01 to 12.`)
  if (day < 1 || day > daysIn(year, month)) {
    return refuse(`"at" names ${yyyy}-${mm}-${dd}, which is not a date: that month has ${daysIn(year, month)} days.`)
  }
  if (hour > 23) return refuse(`"at" names hour ${hh}: hours run from 00 to 23.`)
  if (minute > 59) return refuse(`"at" names minute ${mi}: minutes run from 00 to 59.`)
  if (second > 59) return refuse(`"at" names second ${ss}: seconds run from 00 to 59 (no leap seconds).`)
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0
  const { min, max, step } = OFFSET_MINUTES
  if (Number(offsetMinutes) > 59 || offset < min || offset > max || offset % step !== 0) {
    return refuse(
      `"at" has the offset ${sign}${offsetHours}:${offsetMinutes}, which no time zone uses: offsets run from -12:00 to +14:00, in quarter hours.`,
    )
  }
  const milliseconds = Number(fraction.padEnd(3, '0'))
  return { ok: true, at: new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000) }
}

export type ScheduledTime = DateTime

/** `nowHint` says what to do instead of a time in the next seconds ("to retire now, use retire"). */
export function checkScheduledTime(at: unknown, now: Date, nowHint: string, minLeadSeconds = MIN_LEAD_SECONDS): ScheduledTime {
  const parsed = parseDateTime(at)
  if (!parsed.ok) return parsed
  const when = parsed.at
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
