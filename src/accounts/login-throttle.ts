// Failed logins are counted per account AND source address: five failures within 15
// minutes lock that account for that address only, for 15 minutes, so a stranger who knows
// a reviewer's email cannot lock the reviewer out, and the answer is the same whether or not
// the account exists (nothing here looks the account up). An admin can unlock (Payload's
// unlock operation), and a successful login clears the count.
import { createHash } from 'node:crypto'
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { type Query, rowsInRequest, sql } from '../db/sql'
import { clientAddress } from '../http/client-address'

export const MAX_FAILURES = 5
export const WINDOW_SECONDS = 15 * 60
export const LOCK_SECONDS = 15 * 60

const emailKey = (email: unknown) =>
  createHash('sha256')
    .update(
      String(email ?? '')
        .toLowerCase()
        .trim(),
    )
    .digest('hex')

type Row = { failures: number; locked_until: Date | string | null }

const execute = async (req: PayloadRequest, query: Query) => ({ rows: await rowsInRequest<Row>(req, query) })

/** Counts this attempt before the password is checked; a successful login clears it. */
async function countAttempt(req: PayloadRequest, key: string, source: string): Promise<Row> {
  const window = sql`make_interval(secs => ${WINDOW_SECONDS})`
  const { rows } = await execute(
    req,
    sql`
    insert into login_throttle as t (email_key, source, failures, window_started_at)
    values (${key}, ${source}, 1, now())
    on conflict (email_key, source) do update set
      failures = case
        when t.locked_until > now() then t.failures
        when t.window_started_at < now() - ${window} then 1
        else t.failures + 1 end,
      window_started_at = case
        when t.locked_until > now() then t.window_started_at
        when t.window_started_at < now() - ${window} then now()
        else t.window_started_at end,
      locked_until = case
        when t.locked_until > now() then t.locked_until
        when t.window_started_at >= now() - ${window} and t.failures + 1 > ${MAX_FAILURES}
          then now() + make_interval(secs => ${LOCK_SECONDS})
        else null end
    returning failures, locked_until`,
  )
  if (Math.random() < 0.01) {
    await execute(
      req,
      sql`delete from login_throttle where window_started_at < now() - interval '1 day' and (locked_until is null or locked_until < now())`,
    )
  }
  return rows[0]!
}

export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (operation !== 'login' || typeof email !== 'string') return args
  const { locked_until: lockedUntil } = await countAttempt(req, emailKey(email), clientAddress(req.headers))
  if (lockedUntil && new Date(lockedUntil).getTime() > Date.now()) {
    const until = new Date(lockedUntil).toISOString().slice(11, 16)
    throw new APIError(
      `Too many failed logins for this account from your address: try again after ${until} UTC, or ask an administrator to unlock it.`,
      429,
      undefined,
      true,
    )
  }
  return args
}

export const clearLoginFailures: CollectionAfterLoginHook = async ({ req, user }) => {
  await execute(req, sql`delete from login_throttle where email_key = ${emailKey(user.email)} and source = ${clientAddress(req.headers)}`)
}

/**
 * After Payload's unlock operation succeeded (admins only: its access check runs after the
 * before-hooks, so clearing the counts any earlier would let anyone reset them).
 */
export const clearLoginFailuresOnUnlock: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation !== 'unlock') return result
  const email = (args as { data?: { email?: unknown } }).data?.email
  await execute(req, sql`delete from login_throttle where email_key = ${emailKey(email)}`)
  return result
}
