// One way every endpoint Vetted adds answers: a refusal (ApiError) or a lost race becomes
// Payload's error shape with its status; anything else is the server's error, logged by Payload.
import type { PayloadHandler, PayloadRequest } from 'payload'
import { isStaff } from '../access/roles'
import { isConcurrencyConflict } from '../db/transactions'
import { rows, sql } from '../db/sql'
import { DATABASE_UNAVAILABLE } from './database-errors'
import { ApiError, CONCURRENCY_CONFLICT_MESSAGE, errorResponse } from './errors'

export const answering =
  (handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.message, error.headers)
      if (isConcurrencyConflict(error)) return errorResponse(409, CONCURRENCY_CONFLICT_MESSAGE)
      throw error
    }
  }

/**
 * No user: either nobody logged in, or the login could not be checked because the
 * database is down (Payload then treats the request as anonymous). Say which.
 */
export async function refuseWithoutUser(req: PayloadRequest, message: string): Promise<never> {
  const credentials = req.headers.get('authorization') || req.headers.get('cookie')?.includes('payload-token=')
  if (credentials) {
    try {
      await rows(req.payload, sql`select 1`)
    } catch {
      throw new ApiError(503, DATABASE_UNAVAILABLE)
    }
  }
  throw new ApiError(401, message)
}

export async function requireStaff(req: PayloadRequest) {
  if (!req.user) await refuseWithoutUser(req, 'Log in to see the review workflow.')
  if (!isStaff(req.user)) throw new ApiError(403, 'Only editors, reviewers and admins see the review workflow.')
}
