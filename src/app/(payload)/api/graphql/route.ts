import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { refusalsAs400 } from '@/graphql/refusal-status'
import { withPoolShare } from '@/db/pool-share'
import { withRequestSnapshots } from '@/db/reader-snapshot'
import { withBodyLimit } from '@/http/body-limit'
import { withSameOriginCookies } from '@/http/same-origin'

// Cost limits are checked before a query runs (payload.config.ts: graphQL.validationRules);
// what runs holds only a small share of the database pool; a reader's articles are read in one
// snapshot for the whole request (src/db/reader-snapshot.ts); the body is read only up to the
// body limit (src/http/body-limit.ts); a mutation with the login cookie must come from the app's
// own origin (src/http/same-origin.ts).
export const POST = withSameOriginCookies(withBodyLimit(withPoolShare(refusalsAs400(withRequestSnapshots(GRAPHQL_POST(config))))))
export const OPTIONS = REST_OPTIONS(config)
