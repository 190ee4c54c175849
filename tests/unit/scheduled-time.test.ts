// Scheduled times are real dates and times: Date.parse rolls 30 February over to 2 March and
// T24:00 to the next day (issue 22, item 4).
import { describe, expect, it } from 'vitest'
import { checkScheduledTime, parseDateTime } from '@/workflow/scheduled-time'

const now = new Date('2026-11-29T12:00:00Z')

/** A small deterministic generator (mulberry32), so a failure names a case that repeats. */
function random(seed: number) {
  let state = seed
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below)
  }
}

const two = (n: number) => String(n).padStart(2, '0')

describe('a scheduled time', () => {
  it('is refused, naming the field, for dates and times that do not exist', () => {
    const refusals: [string, RegExp][] = [
      ['2027-02-30T09:00:00Z', /2027-02-30, which is not a date: that month has 28 days/],
      ['2027-02-29T09:00Z', /2027-02-29, which is not a date/],
      ['2027-04-31T09:00:00+01:00', /2027-04-31, which is not a date: that month has 30 days/],
      ['2027-13-01T09:00:00Z', /month 13/],
      ['2027-00-10T09:00:00Z', /month 00/],
      ['2027-01-00T09:00:00Z', /2027-01-00, which is not a date/],
      ['2027-01-10T24:00:00Z', /hour 24: hours run from 00 to 23/],
      ['2027-01-10T09:60:00Z', /minute 60/],
      ['2027-06-30T23:59:60Z', /second 60: seconds run from 00 to 59 \(no leap seconds\)/],
      ['2027-01-10T09:00:00+14:59', /offset \+14:59, which no time zone uses/],
      ['2027-01-10T09:00:00-12:30', /offset -12:30/],
      ['2027-01-10T09:00:00+05:20', /offset \+05:20/],
      ['2027-01-10T09:00:00+00:60', /offset \+00:60/],
    ]
    for (const [text, message] of refusals) expect(parseDateTime(text), text).toMatchObject({ ok: false, status: 400, message })
    for (const text of ['2027-01-10T09:00:00', '2027-01-10', 'soon', 1_800_000_000_000, null]) {
      expect(parseDateTime(text), String(text)).toMatchObject({ ok: false, message: /with its time zone/ })
    }
  })

  it('takes leap days, the last second of a day, and the zones at both ends of the Earth', () => {
    expect(parseDateTime('2028-02-29T09:00:00Z')).toEqual({ ok: true, at: new Date('2028-02-29T09:00:00Z') })
    expect(parseDateTime('2027-12-31T23:59:59.5+14:00')).toEqual({ ok: true, at: new Date('2027-12-31T09:59:59.500Z') })
    expect(parseDateTime('2027-01-10T09:00-12:00')).toEqual({ ok: true, at: new Date('2027-01-10T21:00:00Z') })
    expect(parseDateTime('2027-01-10T09:00:00+05:45')).toEqual({ ok: true, at: new Date('2027-01-10T03:15:00Z') })
  })

  it('is accepted exactly when its fields survive a round trip through Date.UTC, in a zone in use (5,000 generated)', () => {
    const next = random(20261206)
    for (let i = 0; i < 5000; i++) {
      const [year, month, day, hour, minute, second] = [2026 + next(3), next(14), next(33), next(26), next(62), next(63)]
      const offsetMinutes = (next(2) ? 1 : -1) * (next(17) * 60 + [0, 15, 30, 45, 20, 59][next(6)]!)
      const zone =
        next(4) === 0
          ? 'Z'
          : `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`
      const text = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${zone}`
      const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
      const survives =
        utc.getUTCFullYear() === year &&
        utc.getUTCMonth() === month - 1 &&
        utc.getUTCDate() === day &&
        utc.getUTCHours() === hour &&
        utc.getUTCMinutes() === minute &&
        utc.getUTCSeconds() === second
      const offset = zone === 'Z' ? 0 : offsetMinutes
      const zoneInUse = offset >= -720 && offset <= 840 && offset % 15 === 0
      const parsed = parseDateTime(text)
      expect(parsed.ok, text).toBe(survives && zoneInUse)
      if (parsed.ok) expect(parsed.at.getTime(), text).toBe(utc.getTime() - offset * 60_000)
    }
  })

  it('must be a little ahead and not years away', () => {
    expect(checkScheduledTime('2026-11-29T12:00:29Z', now, 'say so')).toMatchObject({ ok: false, message: /at least 30 seconds/ })
    expect(checkScheduledTime('2026-11-29T12:00:30Z', now, 'say so')).toMatchObject({ ok: true })
    expect(checkScheduledTime('2030-01-01T00:00:00Z', now, 'say so')).toMatchObject({ ok: false, message: /three years/ })
    expect(checkScheduledTime('2027-02-30T09:00:00Z', now, 'say so')).toMatchObject({ ok: false, message: /not a date/ })
  })
})
