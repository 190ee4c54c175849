// Scheduled retirement: a reviewer sets when live content leaves the site (seasonal advice, a
// time-limited alert). At that time it retires through the same path as a manual retirement.
// Pure rules (no Payload, no I/O).
import { checkScheduledTime } from './scheduled-time'

export type RetirementRequest = {
  actor: { roles: readonly string[] }
  isLive: boolean
  /** As sent: an ISO 8601 date-time with its time zone (`Z` or `+01:00`), or null to cancel. */
  at: unknown
  comment: unknown
  now: Date
  /** How far ahead a schedule must be (scheduled-time.ts). */
  minLeadSeconds?: number
}

export type RetirementDecision =
  { ok: true; at: Date; comment: string } | { ok: true; cancel: true } | { ok: false; status: 400 | 403 | 409; message: string }

const refuse = (status: 400 | 403 | 409, message: string): RetirementDecision => ({ ok: false, status, message })

export function decideRetirement({ actor, isLive, at, comment, now, minLeadSeconds }: RetirementRequest): RetirementDecision {
  if (!actor.roles.includes('reviewer')) return refuse(403, 'Only reviewer accounts may schedule a retirement.')
  if (at === null) return { ok: true, cancel: true }
  const time = checkScheduledTime(at, now, 'to retire now, use retire', minLeadSeconds)
  if (!time.ok) return time
  if (typeof comment !== 'string' || !comment.trim()) {
    return refuse(400, 'Say why it retires: { "at": "...", "comment": "..." } (readers lose this page then).')
  }
  if (!isLive) return refuse(409, 'Only live content can be scheduled to retire.')
  return { ok: true, at: time.at, comment: comment.trim() }
}
