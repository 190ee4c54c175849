// Payload answers an error by its class (`instanceof APIError` or `ValidationError`), but the
// Payload instance that serves requests is made in src/instrumentation.ts, which Next.js
// compiles as a module layer of its own: the errors that instance throws are that layer's
// classes, which the route's formatter does not recognise, and their names are minified. In
// production every refusal thrown from a hook answered "An unknown error occurred." and a
// validation error lost the field list the admin marks fields with. Here such an error is
// answered by what it carries, with the body Payload gives when the classes match.
import type { AfterErrorHook } from 'payload'

type PayloadError = { isOperational: true; message: string; status?: unknown; isPublic?: unknown; data?: unknown }

export type ErrorBody = { errors: { message: string; name?: string; data?: Record<string, unknown> }[] }

const isPayloadError = (error: unknown): error is PayloadError =>
  typeof error === 'object' &&
  error !== null &&
  (error as { isOperational?: unknown }).isOperational === true &&
  typeof (error as { message?: unknown }).message === 'string'

/** Payload's own rule: public when marked so, else when it is not a 500. */
const isPublic = (error: PayloadError) =>
  typeof error.isPublic === 'boolean' ? error.isPublic : typeof error.status === 'number' && error.status !== 500

/** The body for a public Payload error, whichever copy of Payload's classes threw it. */
export function payloadErrorBody(error: unknown): ErrorBody | undefined {
  if (!isPayloadError(error) || !isPublic(error)) return undefined
  const { data } = error
  if (typeof data !== 'object' || data === null) return { errors: [{ message: error.message }] }
  // The class name is minified in production; a validation error is told by its field list.
  const name = Array.isArray((data as { errors?: unknown }).errors) ? 'ValidationError' : 'APIError'
  return { errors: [{ name, data: data as Record<string, unknown>, message: error.message }] }
}

export const answerPayloadErrors: AfterErrorHook = ({ error }) => {
  const response = payloadErrorBody(error)
  return response ? { response } : undefined
}
