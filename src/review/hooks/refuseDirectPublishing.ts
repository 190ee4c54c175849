// Only an approval publishes. Any write to reviewable content that is not a draft
// save (a publish, an unpublish, a write to the live row, a restore that publishes)
// is refused, whoever asks and however: REST, GraphQL, admin UI, Local API.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { isWorkflowWrite } from '../write-context'

const WRITE_OPERATIONS = new Set(['create', 'update', 'restoreVersion'])

export const ONLY_APPROVAL_PUBLISHES =
  'Only a medical reviewer\'s approval publishes. Save your change as a draft and submit it for review.'

const refuse = () => new APIError(ONLY_APPROVAL_PUBLISHES, 403, undefined, true)

export const refuseDirectPublishing: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!WRITE_OPERATIONS.has(operation) || isWorkflowWrite(req)) return args
  const draft = (args as { draft?: unknown }).draft === true
  const data = (args as { data?: { _status?: unknown } }).data
  if (!draft || data?._status === 'published') throw refuse()
  return args
}

/** Second line: whatever the operation, the data being saved must not be published. */
export const refusePublishedStatus: CollectionBeforeChangeHook = ({ data, req }) => {
  if (data?._status === 'published' && !isWorkflowWrite(req)) throw refuse()
  return data
}
