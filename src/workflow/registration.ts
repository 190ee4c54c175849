// Reviewers' professional registrations (GMC, NMC, a state board...): whether one is current
// on a given day, and which lapse soon. Pure rules (no Payload, no I/O).

export type Registration = { body?: string | null; number?: string | null; validUntil?: string | null }

export const LAPSING_SOON_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

/** The last instant a registration is valid: the end of its `validUntil` day (UTC). */
function endOfValidity(registration: Registration): number | null {
  if (!registration.validUntil) return null
  const date = new Date(registration.validUntil)
  if (Number.isNaN(date.getTime())) return null
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + DAY_MS - 1
}

export const isCurrent = (registration: Registration, now: Date): boolean => {
  const end = endOfValidity(registration)
  return end !== null && now.getTime() <= end
}

export const describeRegistration = (registration: Registration): string =>
  [registration.body, registration.number].filter(Boolean).join(' ') +
  (registration.validUntil ? `, valid until ${registration.validUntil.slice(0, 10)}` : '')

export type Standing =
  { state: 'none' } | { state: 'current'; current: Registration[] } | { state: 'lapsed'; lapsed: readonly Registration[] }

/**
 * A reviewer with registrations on file needs one current to approve. Without any on file
 * the register says nothing (the dashboard lists such reviewers to admins).
 */
export function registrationStanding(registrations: readonly Registration[] | null | undefined, now: Date): Standing {
  const all = registrations ?? []
  if (all.length === 0) return { state: 'none' }
  const current = all.filter((registration) => isCurrent(registration, now))
  return current.length > 0 ? { state: 'current', current } : { state: 'lapsed', lapsed: all }
}

/** Why this reviewer may not approve today, or null. */
export function registrationRefusal(registrations: readonly Registration[] | null | undefined, now: Date): string | null {
  const standing = registrationStanding(registrations, now)
  if (standing.state !== 'lapsed') return null
  const which = standing.lapsed.map(describeRegistration).join('; ')
  return `Your professional registration has lapsed (${which}): renew it and ask an admin to record the new date before approving.`
}

export type Lapsing = { registration: Registration; lapsesOn: string; lapsed: boolean }

/** Registrations that lapsed already or lapse within `days`, soonest first. */
export function lapsingRegistrations(
  registrations: readonly Registration[] | null | undefined,
  now: Date,
  days = LAPSING_SOON_DAYS,
): Lapsing[] {
  // Through the end of the day `days` from today (UTC), as validity runs to the end of a day.
  const horizon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + (days + 1) * DAY_MS - 1
  return (registrations ?? [])
    .map((registration) => ({ registration, end: endOfValidity(registration) }))
    .filter((entry): entry is { registration: Registration; end: number } => entry.end !== null && entry.end <= horizon)
    .sort((a, b) => a.end - b.end)
    .map(({ registration, end }) => ({ registration, lapsesOn: new Date(end).toISOString().slice(0, 10), lapsed: end < now.getTime() }))
}
