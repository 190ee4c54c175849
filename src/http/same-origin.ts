// A change made with the login cookie must come from the app's own origin. SameSite=Lax keeps
// the cookie off requests from other sites, but not off those from another origin of the same
// site (another port on the host, a sibling subdomain), and a form or a `no-cors` fetch from
// there needs no preflight: with SERVER_URL unset Payload accepts the cookie from any origin,
// and a text/plain POST to /approve was taken as the reviewer's. Checked here for every write
// to the app's API, whether or not SERVER_URL is set.
//
// Sec-Fetch-Site is the browser's own verdict and is trusted first; without it (older browsers)
// the Origin's host must be the host the request was sent to, or SERVER_URL's. A request
// carrying neither is not a browser's, and one authenticated by an Authorization header cannot
// have been sent by a page of another origin without a preflight.

import { refuseAtEdge } from './edge-refusal'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RequestFacts = { method: string; headers: Headers; serverUrl?: string }

const usesLoginCookie = (headers: Headers) => !headers.get('authorization') && /(?:^|;\s*)payload-token=/.test(headers.get('cookie') ?? '')

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

export const CROSS_ORIGIN_MESSAGE =
  "Changes made with the login cookie must come from Vetted's own pages: this request came from another origin."

/** Why the request must be refused, or null when it may go on. */
export function crossOriginProblem({ method, headers, serverUrl }: RequestFacts): string | null {
  if (SAFE_METHODS.has(method.toUpperCase()) || !usesLoginCookie(headers)) return null
  const site = headers.get('sec-fetch-site')
  if (site !== null) return site === 'same-origin' ? null : CROSS_ORIGIN_MESSAGE
  const origin = headers.get('origin')
  if (origin === null) return null
  const from = hostOf(origin)
  const allowed = [headers.get('x-forwarded-host'), headers.get('host'), serverUrl ? hostOf(serverUrl) : null]
  return from !== null && allowed.includes(from) ? null : CROSS_ORIGIN_MESSAGE
}

/** Wraps a route handler so that cross-origin writes made with the login cookie get a 403. */
export function withSameOriginCookies<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const problem = crossOriginProblem({ method: request.method, headers: request.headers, serverUrl: process.env.SERVER_URL })
    if (problem) return refuseAtEdge(request, 403, problem)
    return handler(request, ...rest)
  }
}
