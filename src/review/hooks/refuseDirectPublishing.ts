// Only an approval publishes. Any write to reviewable content that is not a plain
// draft save (a publish, an unpublish, a write to the live row, a restore that
// publishes, or a flag that rewrites a saved version in place) is refused, whoever
// asks and however: REST, GraphQL, admin UI, Local API.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { isReviewWrite } from '../data/review-writes'

const WRITE_OPERATIONS = new Set(['create', 'update', 'restoreVersion'])

/**
 * Operation flags that publish or unpublish, or make Payload update the latest
 * version row in place instead of adding a new one (which would change the words
 * behind a version id a reviewer is looking at).
 */
const FORBIDDEN_FLAGS = ['publishAllLocales', 'unpublishAllLocales', 'publishSpecificLocale', 'autosave'] as const

export const ONLY_APPROVAL_PUBLISHES = "Only a medical reviewer's approval publishes. Save your change as a draft and submit it for review."

const refuse = (message = ONLY_APPROVAL_PUBLISHES) => new APIError(message, 403, undefined, true)

export const refuseDirectPublishing: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!WRITE_OPERATIONS.has(operation) || isReviewWrite(req)) return args
  const options = args as Record<string, unknown> & { data?: { _status?: unknown } }
  const flag = FORBIDDEN_FLAGS.find((name) => options[name] !== undefined && options[name] !== false && options[name] !== 'false')
  if (flag) throw refuse(`"${flag}" is not allowed: a saved version is never changed, and only an approval publishes.`)
  if (options.draft !== true || options.data?._status === 'published') throw refuse()
  return args
}

/** Second line: whatever the operation, the data being saved must not be published. */
export const refusePublishedStatus: CollectionBeforeChangeHook = ({ data, req }) => {
  if (data?._status === 'published' && !isReviewWrite(req)) throw refuse()
  return data
}
