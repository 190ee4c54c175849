// One account must not be able to publish alone: an admin could create a reviewer account
// in a real clinician's name, reset a reviewer's password, or give themselves the reviewer
// role, and approve. Two rules, pure:
//   - an account whose identity (roles, credentials, name, email, password) was just changed
//     by someone else, or whose roles or password changed at all, may not approve for a while;
//   - nobody may approve a version written by an account they control (one they created, or
//     whose password, email or roles they set): that is their own edit by another name.

export const HOLDING_EVENTS = [
  'account_created',
  'roles_changed',
  'credentials_changed',
  'display_name_changed',
  'email_changed',
  'password_changed',
  'password_reset',
] as const

/** Held whoever made them: a person granting themselves a role, a reset link someone else may have read. */
const HOLDING_EVEN_WHEN_OWN = new Set(['roles_changed', 'password_reset'])

/** Changes that put an account in someone else's hands. */
export const CONTROLLING_EVENTS = ['account_created', 'password_changed', 'email_changed', 'roles_changed'] as const

/**
 * One audited change. `actorId` is null only for the server itself (seed, scripts); an actor
 * whose account was deleted since is "deleted:<name>", and still counts as someone.
 */
export type AccountEvent = { event: string; actorId: string | null; at: string }

export type Hold = { held: false } | { held: true; until: Date; message: string }

/** Each change as a whole clause, so that no message is glued together from a possessive and a verb. */
const WHAT_HAPPENED: Record<string, string> = {
  account_created: 'This account was created',
  roles_changed: "This account's roles were changed",
  credentials_changed: "This account's credentials were changed",
  display_name_changed: "This account's display name was changed",
  email_changed: "This account's email address was changed",
  password_changed: "This account's password was changed",
  password_reset: "This account's password was reset with an e-mailed link",
}

const holds = (subjectId: string) => (e: AccountEvent) =>
  (HOLDING_EVENTS as readonly string[]).includes(e.event) &&
  e.actorId !== null &&
  (e.actorId !== subjectId || HOLDING_EVEN_WHEN_OWN.has(e.event))

/** Whether `subjectId` may approve now, given its audited events. */
export function approvalHold(subjectId: string, events: AccountEvent[], now: Date, holdHours: number): Hold {
  if (holdHours <= 0) return { held: false }
  const since = now.getTime() - holdHours * 3_600_000
  const latest = events
    .filter(holds(subjectId))
    .filter((e) => new Date(e.at).getTime() > since)
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())[0]
  if (!latest) return { held: false }
  const until = new Date(new Date(latest.at).getTime() + holdHours * 3_600_000)
  const by = latest.actorId === subjectId ? '' : ' by someone else'
  return {
    held: true,
    until,
    message:
      `${WHAT_HAPPENED[latest.event] ?? "This account's details were changed"}${by} at ${latest.at}: ` +
      `approvals from this account are paused until ${until.toISOString()} (${holdHours} hours), so that nobody can ` +
      'approve under an account they just set up or took over. Another reviewer can approve meanwhile.',
  }
}

/** Whether the approver controls an account that wrote the version (events about those authors). */
export function controlsAnAuthor(approverId: string, authorEvents: (AccountEvent & { subjectId: string })[]): boolean {
  return authorEvents.some(
    (e) => e.subjectId !== approverId && e.actorId === approverId && (CONTROLLING_EVENTS as readonly string[]).includes(e.event),
  )
}

export const CONTROLLED_AUTHOR_MESSAGE =
  'This version was written by an account you created, or whose password, email or roles you set: another reviewer must approve it (four eyes).'
