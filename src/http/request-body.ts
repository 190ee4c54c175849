// A request's JSON object body, for the endpoints Vetted adds.
import type { PayloadRequest } from 'payload'
import { ApiError } from './errors'

const MAX_BODY_BYTES = 64 * 1024

/** A request's JSON object body ({} when empty), or a 400/413 saying what is wrong. */
export async function readJsonObject(req: PayloadRequest, example: string): Promise<Record<string, unknown>> {
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, 'The request body is too large.')
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
