// Database errors that are the caller's or the moment's, not the server's: an
// unreachable PostgreSQL is a 503 (try again), text it cannot store is a 400.
import type { AfterErrorHook } from 'payload'

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'])
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i

export const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Please try again in a moment.'

/** Whether an error (or one of its causes) means the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 6; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true
    current = (current as { cause?: unknown }).cause ?? (current as { errors?: unknown[] }).errors?.[0]
  }
  return false
}

export const answerDatabaseUnavailable: AfterErrorHook = ({ error }) => {
  if (!isDatabaseUnavailable(error)) return
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE }] } }
}

/**
 * PostgreSQL data exceptions caused by the request's values: NUL characters, invalid
 * byte sequences, text that is not a valid value of an enum, date or number.
 */
const BAD_TEXT_CODES = new Set(['22021', '22P05', '22P02', '22007', '22008', '22003'])
const BAD_TEXT_MESSAGES = /invalid byte sequence|unsupported Unicode escape|\\u0000 cannot be converted/i

export function isUnstorableText(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 6; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && BAD_TEXT_CODES.has(code)) return true
    if (typeof message === 'string' && BAD_TEXT_MESSAGES.test(message)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

export const UNSTORABLE_TEXT =
  'A value in the request cannot be stored or compared: for example a NUL character (U+0000), or a value that is not one of the field\'s choices.'

export const answerUnstorableText: AfterErrorHook = ({ error }) => {
  if (!isUnstorableText(error)) return
  return { status: 400, response: { errors: [{ message: UNSTORABLE_TEXT }] } }
}
