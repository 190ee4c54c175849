// The account audit log: every change to who someone is (roles, credentials, name, email,
// password) and every account creation, reset, unlock and deletion, with who did it, in the
// same transaction as the change. The approval hold (src/workflow/account-hold.ts) reads it.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import type { User } from '../../payload-types'
import { type AccountEvent, HOLDING_EVENTS } from '../workflow/account-hold'

/** What the log records: the changes that hold approvals (account-hold.ts), and the rest. */
export const ACCOUNT_EVENTS = [
  ...HOLDING_EVENTS,
  'password_reset',
  'password_reset_requested',
  'logins_unlocked',
  'account_deleted',
] as const
export type AccountEventName = (typeof ACCOUNT_EVENTS)[number]

/** What each kind of change compares, and never a password hash. */
const WATCHED: { event: AccountEventName; fields: (keyof User)[] }[] = [
  { event: 'roles_changed', fields: ['roles'] },
  { event: 'credentials_changed', fields: ['credentials', 'specialties', 'licenceNumber'] },
  { event: 'display_name_changed', fields: ['displayName'] },
  { event: 'email_changed', fields: ['email'] },
]

const PASSWORD_SET = 'vettedPasswordSet'

type Person = Pick<User, 'id' | 'displayName' | 'email'>

export async function recordAccountEvent(
  req: PayloadRequest,
  event: AccountEventName,
  subject: Person | null,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown>; actor?: Person | null } = {},
): Promise<void> {
  const actor = change.actor === undefined ? (req.user as Person | null) : change.actor
  const by = actor ? `${actor.displayName}` : 'the server'
  await req.payload.create({
    collection: 'audit-log',
    data: {
      event,
      summary: `${event.replaceAll('_', ' ')}: ${subject?.displayName ?? subject?.email ?? 'unknown account'}, by ${by}`,
      subject: subject?.id ?? null,
      subjectName: subject?.displayName ?? null,
      subjectEmail: subject?.email ?? null,
      actor: actor?.id ?? null,
      actorName: actor?.displayName ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      at: new Date().toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

const pick = (doc: object, fields: string[]) => Object.fromEntries(fields.map((f) => [f, (doc as Record<string, unknown>)[f] ?? null]))
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** A new password arrives in the operation's data, before Payload hashes it away. */
export const notePasswordChange: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const data = (args as { data?: { password?: unknown } }).data
  if ((operation === 'update' || operation === 'create') && typeof data?.password === 'string' && data.password) {
    req.context[PASSWORD_SET] = true
  }
  return args
}

export const auditAccountChange: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') {
    await recordAccountEvent(req, 'account_created', doc, {
      after: pick(doc, ['email', 'displayName', 'roles', 'credentials', 'specialties', 'licenceNumber']),
    })
    return doc
  }
  for (const { event, fields } of WATCHED) {
    const before = pick(previousDoc, fields)
    const after = pick(doc, fields)
    if (!same(before, after)) await recordAccountEvent(req, event, doc, { before, after })
  }
  if (req.context[PASSWORD_SET]) {
    delete req.context[PASSWORD_SET]
    await recordAccountEvent(req, 'password_changed', doc)
  }
  return doc
}

export const auditAccountDeletion: CollectionAfterDeleteHook<User> = async ({ doc, req }) => {
  await recordAccountEvent(req, 'account_deleted', null, { before: pick(doc, ['id', 'email', 'displayName', 'roles']) })
}

/** Resets by link, reset requests and unlocks go around the update hooks: record them here. */
export const auditAuthOperations: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation === 'resetPassword') {
    const user = (result as { user?: Person } | undefined)?.user
    if (user) await recordAccountEvent(req, 'password_reset', user, { actor: user })
  }
  // A reset request by a stranger is not recorded (anyone may ask, and the log is append-only);
  // one made by a logged-in person for an account is.
  if (operation === 'unlock' || (operation === 'forgotPassword' && req.user)) {
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').toLowerCase().trim()
    const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
    const subject = (docs[0] as Person | undefined) ?? null
    await recordAccountEvent(req, operation === 'unlock' ? 'logins_unlocked' : 'password_reset_requested', subject, subject ? {} : { after: { email } })
  }
  return result
}

/** The account's audited events since `since`, for the approval hold. */
export async function accountEventsSince(req: PayloadRequest, userId: string | number, since: Date): Promise<AccountEvent[]> {
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: { and: [{ subject: { equals: userId } }, { at: { greater_than: since.toISOString() } }] },
    sort: '-at',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => ({
    event: doc.event,
    actorId: doc.actor == null ? null : String(typeof doc.actor === 'object' ? doc.actor.id : doc.actor),
    at: doc.at,
  }))
}
