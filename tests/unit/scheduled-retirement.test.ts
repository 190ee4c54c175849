import { describe, expect, it } from 'vitest'
import { decideRetirement } from '@/workflow/scheduled-retirement'
import { isCurrentSchedule } from '@/workflow/scheduled-time'

const now = new Date('2026-11-29T12:00:00Z')
const reviewer = { roles: ['reviewer'] }
const base = { actor: reviewer, isLive: true, comment: 'Seasonal advice', now }

describe('scheduling a retirement', () => {
  it('takes a time with its zone, at least 30 seconds ahead and within three years, with a reason', () => {
    expect(decideRetirement({ ...base, at: '2026-12-01T18:00:00+01:00' })).toEqual({
      ok: true,
      at: new Date('2026-12-01T17:00:00Z'),
      comment: 'Seasonal advice',
    })
    expect(decideRetirement({ ...base, at: '2026-11-29T12:05Z' })).toMatchObject({ ok: true })
    for (const at of ['2026-12-01T18:00:00', '2026-12-01', 'tomorrow', 1764612000000, '2026-13-01T18:00:00Z']) {
      expect(decideRetirement({ ...base, at }), String(at)).toMatchObject({ ok: false, status: 400 })
    }
    expect(decideRetirement({ ...base, at: '2026-11-29T12:00:20Z' })).toMatchObject({
      ok: false,
      status: 400,
      message: /at least 30 seconds/,
    })
    expect(decideRetirement({ ...base, at: '2026-11-29T12:00:30Z' })).toMatchObject({ ok: true })
    // An operator's shorter lead (VETTED_MIN_SCHEDULE_LEAD_SECONDS), and a longer one.
    expect(decideRetirement({ ...base, at: '2026-11-29T12:00:05Z', minLeadSeconds: 5 })).toMatchObject({ ok: true })
    expect(decideRetirement({ ...base, at: '2026-11-29T12:00:04Z', minLeadSeconds: 5 })).toMatchObject({
      ok: false,
      message: /at least 5 seconds/,
    })
    expect(decideRetirement({ ...base, at: '2026-11-29T12:04:59Z', minLeadSeconds: 300 })).toMatchObject({
      ok: false,
      message: /at least 300 seconds/,
    })
    expect(decideRetirement({ ...base, at: '2030-01-01T00:00:00Z' })).toMatchObject({ ok: false, status: 400, message: /three years/ })
    expect(decideRetirement({ ...base, at: '2026-12-01T18:00:00Z', comment: ' ' })).toMatchObject({
      ok: false,
      status: 400,
      message: /Say why/,
    })
  })

  it('is for reviewers, on live content; null cancels', () => {
    expect(decideRetirement({ ...base, actor: { roles: ['editor'] }, at: '2026-12-01T18:00:00Z' })).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(decideRetirement({ ...base, actor: { roles: ['admin'] }, at: null })).toMatchObject({ ok: false, status: 403 })
    expect(decideRetirement({ ...base, isLive: false, at: '2026-12-01T18:00:00Z' })).toMatchObject({ ok: false, status: 409 })
    expect(decideRetirement({ ...base, at: null })).toEqual({ ok: true, cancel: true })
  })

  it('carries out only the schedule still current', () => {
    expect(isCurrentSchedule('2026-12-01T17:00:00.000Z', '2026-12-01T17:00:00Z')).toBe(true)
    expect(isCurrentSchedule('2026-12-01T17:00:00.000Z', '2026-12-02T17:00:00.000Z')).toBe(false)
    expect(isCurrentSchedule(null, '2026-12-01T17:00:00.000Z')).toBe(false)
  })
})
