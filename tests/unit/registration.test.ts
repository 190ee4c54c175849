// Reviewers' registrations (src/workflow/registration.ts).
import { describe, expect, it } from 'vitest'
import { lapsingRegistrations, registrationRefusal, registrationStanding } from '../../src/workflow/registration'

const now = new Date('2026-11-29T15:00:00Z')
const gmc = (validUntil: string | null) => ({ body: 'GMC', number: '7654321', validUntil })

describe('registrationStanding', () => {
  it('is none without registrations on file', () => {
    expect(registrationStanding([], now)).toEqual({ state: 'none' })
    expect(registrationStanding(null, now)).toEqual({ state: 'none' })
  })

  it('is current through the whole of its last day (UTC), lapsed the day after', () => {
    expect(registrationStanding([gmc('2026-11-29')], now).state).toBe('current')
    expect(registrationStanding([gmc('2026-11-29T00:00:00.000Z')], new Date('2026-11-29T23:59:59Z')).state).toBe('current')
    expect(registrationStanding([gmc('2026-11-28')], now).state).toBe('lapsed')
  })

  it('is current when any one registration is, and lapsed when none is (or none has a date)', () => {
    expect(registrationStanding([gmc('2026-01-01'), { body: 'NMC', number: '1', validUntil: '2027-01-01' }], now).state).toBe('current')
    expect(registrationStanding([gmc(null)], now).state).toBe('lapsed')
  })
})

describe('registrationRefusal', () => {
  it('says what to renew, and nothing when current or none on file', () => {
    expect(registrationRefusal([gmc('2026-10-01')], now)).toBe(
      'Your professional registration has lapsed (GMC 7654321, valid until 2026-10-01): renew it and ask an admin to record the new date before approving.',
    )
    expect(registrationRefusal([gmc('2027-10-01')], now)).toBeNull()
    expect(registrationRefusal([], now)).toBeNull()
  })
})

describe('lapsingRegistrations', () => {
  it('lists those lapsed or lapsing within 30 days, soonest first', () => {
    const list = lapsingRegistrations([gmc('2027-06-01'), gmc('2026-12-20'), gmc('2026-11-01'), gmc('2026-12-29'), gmc('2026-12-30')], now)
    expect(list.map((entry) => [entry.lapsesOn, entry.lapsed])).toEqual([
      ['2026-11-01', true],
      ['2026-12-20', false],
      ['2026-12-29', false],
    ])
  })
})
