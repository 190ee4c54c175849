// Database errors that are the caller's or the moment's, not the server's: an
// unreachable PostgreSQL is a 503 (try again), a value it cannot take is a 400.
import type { AfterErrorHook } from 'payload'

type Signature = { codes: ReadonlySet<string>; messages: RegExp }

/** Whether the error, or one of the errors it wraps, matches by code or message. */
function matches(error: unknown, { codes, messages }: Signature): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 6; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && codes.has(code)) return true
    if (typeof message === 'string' && messages.test(message)) return true
    current = (current as { cause?: unknown }).cause ?? (current as { errors?: unknown[] }).errors?.[0]
  }
  return false
}

const UNREACHABLE: Signature = {
  codes: new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    '57P01',
    '57P02',
    '57P03',
    '08000',
    '08001',
    '08003',
    '08006',
  ]),
  messages: /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i,
}

/** PostgreSQL data exceptions caused by the request's values: NUL, bad bytes, a value not of the field's type or choices. */
const UNSTORABLE: Signature = {
  codes: new Set(['22021', '22P05', '22P02', '22007', '22008', '22003']),
  messages: /invalid byte sequence|unsupported Unicode escape|\\u0000 cannot be converted/i,
}

export const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Please try again in a moment.'
export const UNSTORABLE_TEXT =
  "A value in the request cannot be stored or compared: for example a NUL character (U+0000), or a value that is not one of the field's choices."

export const isDatabaseUnavailable = (error: unknown) => matches(error, UNREACHABLE)
export const isUnstorableText = (error: unknown) => matches(error, UNSTORABLE)

export const answerDatabaseUnavailable: AfterErrorHook = ({ error }) =>
  isDatabaseUnavailable(error) ? { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE }] } } : undefined

export const answerUnstorableText: AfterErrorHook = ({ error }) =>
  isUnstorableText(error) ? { status: 400, response: { errors: [{ message: UNSTORABLE_TEXT }] } } : undefined
