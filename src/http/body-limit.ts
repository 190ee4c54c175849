// Every request body the app reads is read here first, counted as it streams in, and refused
// with a 413 the moment it passes the limit: Payload (REST, GraphQL, login, the endpoints
// Vetted adds) reads a body whole before looking at it, and one 120 MB body exhausted the
// heap and killed the server. A declared Content-Length over the limit is refused before a
// byte is kept; a chunked body is counted the same way. What passes is handed on in memory.
//
// After a 413 the rest of the body is read and dropped for a few seconds, as nginx does: a
// server that closes a connection the client is still sending on makes its kernel answer with
// a reset, which can reach the client before the 413 and leave it with only "connection reset".
import { maxRequestBodyBytes } from './body-limit-setting.mjs'
import { refuseAtEdge } from './edge-refusal'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }

/** How long the rest of a refused body is read and dropped before the stream is cancelled. */
const DISCARD_FOR_MS = 5000

/** Reads and drops the rest of a stream, in the background, for at most `forMs`. */
export function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, forMs = DISCARD_FOR_MS): void {
  const until = Date.now() + forMs
  const stop = () => void reader.cancel().catch(() => {})
  // The timer for a client that stops sending; the clock check for one that never pauses.
  const timer = setTimeout(stop, forMs)
  const drain = async () => {
    try {
      while (!(await reader.read()).done) if (Date.now() > until) return stop()
    } catch {
      // The client went away, or the time was up: either way nothing more to read.
    } finally {
      clearTimeout(timer)
    }
  }
  void drain()
}

/** Reads a body stream up to `limit` bytes; past it, keeps nothing and drops the rest. */
export async function readWithin(body: ReadableStream<Uint8Array>, limit: number): Promise<LimitedBody> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      discardRest(reader)
      return { ok: false }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}

const KiB = 1024
const MiB = 1024 * KiB
const size = (bytes: number) => (bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MB` : `${Number((bytes / KiB).toFixed(1))} KB`)

export const bodyTooLargeMessage = (limit: number) =>
  `The request body is larger than ${size(limit)} (${limit} bytes), the most this server accepts.`

const bodyTooLarge = (request: Request, limit: number) => refuseAtEdge(request, 413, bodyTooLargeMessage(limit))

/** Wraps a route handler so that it only ever sees a body within the limit. */
export function withBodyLimit<A extends unknown[]>(handler: Handler<A>, limit: () => number = maxRequestBodyBytes): Handler<A> {
  return async (request, ...rest) => {
    if (!request.body) return handler(request, ...rest)
    const max = limit()
    const declared = request.headers.get('content-length')
    if (declared !== null && !(Number(declared) <= max)) {
      discardRest(request.body.getReader())
      return bodyTooLarge(request, max)
    }
    const body = await readWithin(request.body, max)
    if (!body.ok) return bodyTooLarge(request, max)
    const headers = new Headers(request.headers)
    headers.delete('transfer-encoding')
    headers.set('content-length', String(body.bytes.byteLength))
    return handler(new Request(request.url, { method: request.method, headers, body: body.bytes }), ...rest)
  }
}
