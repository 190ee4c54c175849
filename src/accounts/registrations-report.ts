// For admins: reviewers whose registration lapsed or lapses within 30 days, and reviewers
// with none on file (the dashboard shows both).
import type { PayloadRequest } from 'payload'
import { LAPSING_SOON_DAYS, lapsingRegistrations } from '../workflow'

export type RegistrationAlert = { id: number; displayName: string; registration: string | null; lapsesOn: string | null; lapsed: boolean }

export async function registrationAlerts(req: PayloadRequest, now = new Date()): Promise<RegistrationAlert[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { contains: 'reviewer' } },
    select: { displayName: true, registrations: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const alerts: RegistrationAlert[] = []
  for (const person of docs) {
    const registrations = person.registrations ?? []
    if (registrations.length === 0) {
      alerts.push({ id: person.id, displayName: person.displayName, registration: null, lapsesOn: null, lapsed: false })
      continue
    }
    for (const { registration, lapsesOn, lapsed } of lapsingRegistrations(registrations, now, LAPSING_SOON_DAYS)) {
      alerts.push({
        id: person.id,
        displayName: person.displayName,
        registration: [registration.body, registration.number].filter(Boolean).join(' '),
        lapsesOn,
        lapsed,
      })
    }
  }
  // Lapsed first, then soonest; no registration on file last.
  const rank = (alert: RegistrationAlert) => (alert.lapsed ? 0 : alert.lapsesOn ? 1 : 2)
  return alerts.sort((a, b) => rank(a) - rank(b) || String(a.lapsesOn).localeCompare(String(b.lapsesOn)))
}
