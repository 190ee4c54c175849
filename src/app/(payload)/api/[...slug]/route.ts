import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { refusingUnboundedLists } from '@/http/list-limits'
import { withPoolShare } from '@/db/pool-share'
import { withBodyLimit } from '@/http/body-limit'
import { withSameOriginCookies } from '@/http/same-origin'

// Each request may hold only a small share of the database pool (src/db/pool-share.ts), a
// list is one page of at most 100 (src/http/list-limits.ts), and a body is read only up to
// the body limit (src/http/body-limit.ts), and a write with the login cookie must come from
// the app's own origin (src/http/same-origin.ts).
export const GET = withPoolShare(refusingUnboundedLists(REST_GET(config)))
export const POST = withSameOriginCookies(withBodyLimit(withPoolShare(REST_POST(config))))
export const DELETE = withSameOriginCookies(withBodyLimit(withPoolShare(REST_DELETE(config))))
export const PATCH = withSameOriginCookies(withBodyLimit(withPoolShare(REST_PATCH(config))))
export const PUT = withSameOriginCookies(withBodyLimit(withPoolShare(REST_PUT(config))))
export const OPTIONS = REST_OPTIONS(config)
