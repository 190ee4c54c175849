import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { refusingUnboundedLists } from '@/http/list-limits'
import { withPoolShare } from '@/db/pool-share'

// Each request may hold only a small share of the database pool (src/db/pool-share.ts),
// and a list is one page of at most 100 (src/http/list-limits.ts).
export const GET = withPoolShare(refusingUnboundedLists(REST_GET(config)))
export const POST = withPoolShare(REST_POST(config))
export const DELETE = withPoolShare(REST_DELETE(config))
export const PATCH = withPoolShare(REST_PATCH(config))
export const PUT = withPoolShare(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
