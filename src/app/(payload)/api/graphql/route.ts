import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { refusalsAs400 } from '@/graphql/refusal-status'
import { withPoolShare } from '@/lib/pool-share'

// Cost limits are checked before a query runs (payload.config.ts: graphQL.validationRules);
// what runs holds only a small share of the database pool.
export const POST = withPoolShare(refusalsAs400(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
