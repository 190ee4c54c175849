import type { CollectionBeforeOperationHook } from 'payload'

export const RESTORED_FROM = 'vettedRestoredFromVersion'
export const DUPLICATED_FROM = 'vettedDuplicatedFrom'

/**
 * Restored and duplicated content was written by other people than the one who
 * clicks: note where it came from so its authors are recorded too (four eyes).
 * These notes can only add authors, never remove any.
 */
export const noteContentOrigin: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const options = args as { id?: string | number; duplicateFromID?: string | number | null }
  if (operation === 'restoreVersion' && options.id !== undefined) req.context[RESTORED_FROM] = String(options.id)
  if (operation === 'create' && options.duplicateFromID != null) req.context[DUPLICATED_FROM] = String(options.duplicateFromID)
  return args
}
