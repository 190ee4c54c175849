// The account audit log: every change to who someone is (roles, credentials, name, email,
// password) and every account creation, reset, unlock and deletion, with who did it, in the
// same transaction as the change. The approval hold (src/workflow/account-hold.ts) reads it.
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import type { User } from '../../payload-types'
import { list, type Query, rowsInRequest, sql } from '../db/sql'
import { type AccountEvent, CONTROLLING_EVENTS, HOLDING_EVENTS } from '../workflow/account-hold'
import { REVIEWABLE_COLLECTIONS } from '../workflow/reviewable'

/** What the log records: the changes that hold approvals (src/workflow/account-hold.ts), and the rest. */
export const ACCOUNT_EVENTS = [
  ...HOLDING_EVENTS,
  'password_reset_requested',
  'logins_unlocked',
  'account_deleted',
  'policy_changed',
  'registrations_changed',
  'reviewers_assigned',
] as const
export type AccountEventName = (typeof ACCOUNT_EVENTS)[number]

/** What each kind of change compares, and never a password hash. */
type Registrations = User['registrations']
/** Registrations as recorded: who verified them and when follows from the event itself. */
const registrationFacts = (rows: Registrations) => (rows ?? []).map(({ body, number, validUntil }) => ({ body, number, validUntil }))

const WATCHED: { event: AccountEventName; fields: (keyof User)[]; normalize?: (doc: User) => Record<string, unknown> }[] = [
  { event: 'roles_changed', fields: ['roles'] },
  { event: 'credentials_changed', fields: ['credentials', 'specialties', 'licenceNumber'] },
  { event: 'display_name_changed', fields: ['displayName'] },
  { event: 'email_changed', fields: ['email'] },
  // Recorded, but no hold: an admin verifying a renewal changes nothing about who someone is.
  {
    event: 'registrations_changed',
    fields: ['registrations'],
    normalize: (doc) => ({ registrations: registrationFacts(doc.registrations) }),
  },
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

const withoutRowIds = (rules: unknown[]) =>
  rules.map((rule) => Object.fromEntries(Object.entries(rule as Record<string, unknown>).filter(([key]) => key !== 'id')))

/** A change to the sign-off rules (globals/ReviewPolicy.ts), with the rules before and after. */
type PolicyState = { rules: unknown[]; reviewIntervals?: Record<string, unknown> | null }

const intervalsOf = (state: PolicyState) =>
  Object.fromEntries(REVIEWABLE_COLLECTIONS.map((collection) => [collection, state.reviewIntervals?.[collection] ?? null]))

export async function recordPolicyChange(req: PayloadRequest, before: PolicyState, after: PolicyState): Promise<void> {
  const was = withoutRowIds(before.rules)
  const now = withoutRowIds(after.rules)
  const intervalsWere = intervalsOf(before)
  const intervalsNow = intervalsOf(after)
  if (JSON.stringify([was, intervalsWere]) === JSON.stringify([now, intervalsNow])) return
  const actor = req.user as Person | null
  await req.payload.create({
    collection: 'audit-log',
    data: {
      event: 'policy_changed',
      summary: `sign-off rules changed (${was.length} rule${was.length === 1 ? '' : 's'} to ${now.length}${
        JSON.stringify(intervalsWere) === JSON.stringify(intervalsNow) ? '' : '; review intervals changed'
      }), by ${actor?.displayName ?? 'the server'}`,
      actor: actor?.id ?? null,
      actorName: actor?.displayName ?? null,
      before: { rules: was, reviewIntervals: intervalsWere },
      after: { rules: now, reviewIntervals: intervalsNow },
      at: new Date().toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

const pick = (doc: object, fields: string[]) => Object.fromEntries(fields.map((f) => [f, (doc as Record<string, unknown>)[f] ?? null]))
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * A new password arrives in the operation's data, before Payload hashes it away. One
 * person's at a time: in a bulk update every document shares one request, and the note
 * would be taken by the first.
 */
export const notePasswordChange: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { data, id } = args as { data?: { password?: unknown }; id?: unknown }
  if (operation !== 'update' || typeof data?.password !== 'string' || !data.password) return args
  if (id === undefined || id === null) throw new APIError("Set one person's password at a time.", 400, undefined, true)
  req.context[PASSWORD_SET] = true
  return args
}

export const auditAccountChange: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') {
    await recordAccountEvent(req, 'account_created', doc, {
      after: pick(doc, ['email', 'displayName', 'roles', 'credentials', 'specialties', 'licenceNumber']),
    })
    return doc
  }
  for (const { event, fields, normalize } of WATCHED) {
    const before = normalize ? normalize(previousDoc) : pick(previousDoc, fields)
    const after = normalize ? normalize(doc) : pick(doc, fields)
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
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
      .toLowerCase()
      .trim()
    // Without the request: read as the server, so the address is the stored one whoever asked.
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const subject = (docs[0] as Person | undefined) ?? null
    await recordAccountEvent(
      req,
      operation === 'unlock' ? 'logins_unlocked' : 'password_reset_requested',
      subject,
      subject ? {} : { after: { email } },
    )
  }
  return result
}

type EventRow = { event: string; actor: string | null; at: Date | string; subject_id: number }

async function eventRows(req: PayloadRequest, query: Query): Promise<(AccountEvent & { subjectId: string })[]> {
  const rows = await rowsInRequest<EventRow>(req, query)
  return rows.map((row) => ({
    event: row.event,
    actorId: row.actor,
    at: new Date(row.at).toISOString(),
    subjectId: String(row.subject_id),
  }))
}

/** Who acted, as the approval rules see it: an id, "deleted:<name>", or null for the server itself. */
const ACTOR = sql`coalesce(actor_id::text, case when actor_name is not null then 'deleted:' || actor_name end)`

/** The account's newest holding event since `since` (only those: a flood of others cannot hide it). */
export async function holdingEventsSince(req: PayloadRequest, userId: string | number, since: Date): Promise<AccountEvent[]> {
  return eventRows(
    req,
    sql`select event::text, ${ACTOR} as actor, at, subject_id from audit_log
      where subject_id = ${Number(userId)} and at > ${since.toISOString()}
        and event::text in (${list([...HOLDING_EVENTS])})
        and ${ACTOR} is not null
      order by at desc limit 50`,
  )
}

/** Events that put these accounts in the hands of `actorId`, any time. */
export async function controllingEventsBy(req: PayloadRequest, actorId: string | number, subjectIds: string[]) {
  const ids = subjectIds.map(Number).filter(Number.isInteger)
  if (ids.length === 0) return []
  return eventRows(
    req,
    sql`select event::text, ${ACTOR} as actor, at, subject_id from audit_log
      where subject_id in (${list(ids)}) and actor_id = ${Number(actorId)}
        and event::text in (${list([...CONTROLLING_EVENTS])})
      limit 1`,
  )
}
