// One account must not be able to publish alone: an admin could create a reviewer account
// in a real clinician's name, or reset a reviewer's password, and approve as them. So an
// account whose identity (roles, credentials, name, email, password) someone else changed
// recently may not approve until the change has been visible for a while. Pure.

export const HOLDING_EVENTS = [
  'account_created',
  'roles_changed',
  'credentials_changed',
  'display_name_changed',
  'email_changed',
  'password_changed',
] as const

export type AccountEvent = { event: string; actorId: string | null; at: string }

export type Hold = { held: false } | { held: true; until: Date; message: string }

const DESCRIBED: Record<string, string> = {
  account_created: 'was created',
  roles_changed: 'roles were changed',
  credentials_changed: 'credentials were changed',
  display_name_changed: 'display name was changed',
  email_changed: 'email address was changed',
  password_changed: 'password was changed',
}

/**
 * Whether `subjectId` may approve now. Changes the person made themselves, and changes made
 * by no account (the seed, scripts with server access), do not hold approvals.
 */
export function approvalHold(subjectId: string, events: AccountEvent[], now: Date, holdHours: number): Hold {
  if (holdHours <= 0) return { held: false }
  const since = now.getTime() - holdHours * 3_600_000
  const holding = events
    .filter((e) => (HOLDING_EVENTS as readonly string[]).includes(e.event))
    .filter((e) => e.actorId !== null && e.actorId !== subjectId)
    .filter((e) => new Date(e.at).getTime() > since)
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
  const latest = holding[0]
  if (!latest) return { held: false }
  const until = new Date(new Date(latest.at).getTime() + holdHours * 3_600_000)
  return {
    held: true,
    until,
    message:
      `Your account's ${DESCRIBED[latest.event] ?? 'details were changed'} by someone else at ${latest.at}: ` +
      `approvals from this account are paused until ${until.toISOString()} (${holdHours} hours), so that nobody can ` +
      'approve under an account they just set up or took over. Another reviewer can approve meanwhile.',
  }
}
