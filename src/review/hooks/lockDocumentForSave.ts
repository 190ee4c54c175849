import type { CollectionBeforeOperationHook } from 'payload'
import { lockDocumentRow } from '../../db/transactions'

/**
 * A save takes the document's row lock before writing, as workflow actions do.
 * A restore names a version: the lock is its document's.
 */
export const lockDocumentForSave: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const id = (args as { id?: string | number }).id
  if (id === undefined) return args
  if (operation === 'update') await lockDocumentRow(req, collection.slug, id)
  if (operation === 'restoreVersion') {
    const version = await req.payload.findVersionByID({
      collection: collection.slug as 'articles',
      id: String(id),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (version) await lockDocumentRow(req, collection.slug, String(version.parent))
  }
  return args
}
