// Two jobs, on article and topic addresses only:
// - Addresses that are not valid UTF-8 once decoded (e.g. /articles/%ED%A0%80) make Next.js
//   fail while decoding route params (a 500): answer them with a 400 first.
// - A retired article's address answers 410 Gone with its tombstone page (src/site/tombstones.ts).
import { NextResponse, type NextRequest } from 'next/server'
import { retiredSlugLookup } from './site/tombstones-registry'

const ARTICLE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/

export async function proxy(request: NextRequest) {
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

export const config = { matcher: ['/articles/:slug', '/articles/:slug(.*%.*)', '/topics/:topic(.*%.*)'] }
