import type { CollectionBeforeOperationHook } from 'payload'
import { lockDocumentRow } from '../database'

/** A save takes the document's row lock before writing, as workflow actions do. */
export const lockDocumentForSave: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const id = (args as { id?: string | number }).id
  if (operation === 'update' && id !== undefined) await lockDocumentRow(req, collection.slug, id)
  return args
}
