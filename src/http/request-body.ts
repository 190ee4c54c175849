// A request's JSON object body, for the endpoints Vetted adds.
import type { PayloadRequest } from 'payload'
import { ApiError } from './errors'

const MAX_BODY_BYTES = 64 * 1024

export const JSON_ONLY_MESSAGE = 'Send the request as JSON (Content-Type: application/json), even with an empty body: {}.'

/**
 * A change to the review goes only as JSON: a form or a `no-cors` fetch from another page can
 * send text/plain, form data or no type at all without a preflight, never JSON.
 */
export function requireJson(req: PayloadRequest): void {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') throw new ApiError(415, JSON_ONLY_MESSAGE)
}

/**
 * A request's body as text, or a 413 with `tooLarge` past `limit` bytes (declared or counted).
 * The whole-app limit (src/http/body-limit.ts) has already bounded what can be read here.
 */
export async function readTextWithin(req: PayloadRequest, limit: number, tooLarge: string): Promise<string> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) throw new ApiError(413, tooLarge)
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (Buffer.byteLength(text) > limit) throw new ApiError(413, tooLarge)
  return text
}

/** A request's JSON object body ({} when empty), or a 400/413 saying what is wrong. */
export async function readJsonObject(req: PayloadRequest, example: string): Promise<Record<string, unknown>> {
  const text = await readTextWithin(
    req,
    MAX_BODY_BYTES,
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KB, the most this endpoint takes.`,
  )
  return parseJsonObject(text, example)
}

/** A JSON object body ({} when empty), or a 400 saying what is wrong. */
export function parseJsonObject(text: string, example: string): Record<string, unknown> {
  if (!text.trim()) return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, `The request body must be a JSON object: ${example}.`)
  }
  return body as Record<string, unknown>
}
