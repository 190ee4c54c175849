import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { refusingUnboundedLists } from '@/http/list-limits'
import { withPoolShare } from '@/db/pool-share'
import { withBodyLimit } from '@/http/body-limit'

// Each request may hold only a small share of the database pool (src/db/pool-share.ts), a
// list is one page of at most 100 (src/http/list-limits.ts), and a body is read only up to
// the body limit (src/http/body-limit.ts).
export const GET = withPoolShare(refusingUnboundedLists(REST_GET(config)))
export const POST = withBodyLimit(withPoolShare(REST_POST(config)))
export const DELETE = withBodyLimit(withPoolShare(REST_DELETE(config)))
export const PATCH = withBodyLimit(withPoolShare(REST_PATCH(config)))
export const PUT = withBodyLimit(withPoolShare(REST_PUT(config)))
export const OPTIONS = REST_OPTIONS(config)
