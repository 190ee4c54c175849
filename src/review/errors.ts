// Workflow refusals and their HTTP form: { "errors": [{ "message" }] }, like Payload's own.

export class WorkflowError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'WorkflowError'
  }
}

/** A lock race lost to a concurrent request: nothing was written, and trying again may succeed. */
export class ConcurrencyConflict extends WorkflowError {
  constructor(message = 'Someone changed this document at the same moment: reload and try again.') {
    super(409, message)
    this.name = 'ConcurrencyConflict'
  }
}

export const errorResponse = (status: number, message: string, headers?: Record<string, string>) =>
  Response.json({ errors: [{ message }] }, { status, headers })

const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01', '55P03'])

/** A write conflict with a concurrent request (serialization failure, deadlock, lock timeout). */
export function isConcurrencyConflict(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && RETRYABLE_POSTGRES_CODES.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
