// Refusals and their HTTP form: { "errors": [{ "message" }] }, like Payload's own. Thrown by the
// review workflow, feedback and accounts; `answering` (answering.ts) turns them into responses.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const CONCURRENCY_CONFLICT_MESSAGE = 'Someone changed this document at the same moment: reload and try again.'

/**
 * A race lost to a concurrent request: nothing was written, and trying again may succeed. It
 * carries PostgreSQL's serialization-failure code, so `isConcurrencyConflict` (src/db) sees it
 * as one of the database's own: the scheduled jobs try again after either.
 */
export class ConcurrencyConflict extends ApiError {
  readonly code = '40001'
  constructor(message = CONCURRENCY_CONFLICT_MESSAGE) {
    super(409, message)
    this.name = 'ConcurrencyConflict'
  }
}

export const errorResponse = (status: number, message: string, headers?: Record<string, string>) =>
  Response.json({ errors: [{ message }] }, { status, headers })
