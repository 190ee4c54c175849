// Three jobs, each on its own addresses:
// - A server action (the admin's server functions) must declare a body within the body limit:
//   Next.js's own limit stops reading one that passes it but answers 500, and a browser always
//   declares the length of what it sends.
// - Addresses that are not valid UTF-8 once decoded (e.g. /articles/%ED%A0%80) make Next.js
//   fail while decoding route params (a 500): answer them with a 400 first.
// - A retired article's address answers 410 Gone with its tombstone page (src/site/tombstones.ts).
import { NextResponse, type NextRequest } from 'next/server'
import { retiredSlugLookup } from './site/tombstones-registry'
import { bodyTooLargeMessage } from './http/body-limit'
import { refuseAtEdge } from './http/edge-refusal'
import { maxRequestBodyBytes } from './http/body-limit-setting.mjs'

const ARTICLE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/

export async function proxy(request: NextRequest) {
  const unboundedAction = request.headers.has('next-action') ? refuseUnboundedAction(request) : undefined
  if (unboundedAction) return unboundedAction
  const path = request.nextUrl.pathname
  try {
    decodeURIComponent(path)
  } catch {
    return new NextResponse('Bad request: the address is not valid UTF-8.', { status: 400 })
  }
  const slug = ARTICLE.exec(path)?.[1]
  const isRetired = slug ? retiredSlugLookup() : undefined
  if (slug && isRetired && (await isRetired(slug))) {
    return NextResponse.rewrite(new URL(`/retired/${slug}`, request.url), { status: 410 })
  }
  // Nothing to do: no response object to build (the common case, on every article view).
  return undefined
}

function refuseUnboundedAction(request: NextRequest) {
  const declared = request.headers.get('content-length')
  if (declared === null && request.method === 'POST') {
    return refuseAtEdge(request, 411, 'A server action must declare its length (Content-Length).')
  }
  const max = maxRequestBodyBytes()
  return declared !== null && !(Number(declared) <= max) ? refuseAtEdge(request, 413, bodyTooLargeMessage(max)) : undefined
}

export const config = {
  matcher: [
    '/articles/:slug',
    '/articles/:slug(.*%.*)',
    '/topics/:topic(.*%.*)',
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
  ],
}
