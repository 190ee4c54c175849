// Addresses that are not valid UTF-8 once decoded (e.g. /articles/%ED%A0%80) make
// Next.js fail while decoding route params (a 500). Answer them with a 400 first.
import { NextResponse, type NextRequest } from 'next/server'

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname)
  } catch {
    return new NextResponse('Bad request: the address is not valid UTF-8.', { status: 400 })
  }
  return NextResponse.next()
}

// Only article and topic addresses with percent-encoding (real slugs have none), so
// the hot path of readers never runs the proxy.
export const config = { matcher: ['/articles/:slug(.*%.*)', '/topics/:topic(.*%.*)'] }
