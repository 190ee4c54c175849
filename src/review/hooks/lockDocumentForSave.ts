import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'
import { lockDocumentRow, lockDocumentRows } from '../../db/transactions'
import type { ReviewableCollection } from '../../workflow'

/**
 * The documents a bulk update (`where`, no id) would touch now, locked in id order; the update
 * is then narrowed to exactly those. Payload reads the documents before it saves any, so a
 * document that began to match after the lock is left out rather than saved unlocked: the bulk
 * save is as if made at the moment of the lock.
 */
async function lockMatching(req: PayloadRequest, collection: ReviewableCollection, where: Where, draft: boolean): Promise<Where> {
  const { docs } = await req.payload.find({
    collection,
    where,
    draft,
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids = docs.map((doc) => doc.id)
  await lockDocumentRows(req, collection, ids, 'update')
  // An empty `in` matches nothing, which is what an update of no documents should touch.
  return { and: [where, { id: { in: ids } }] }
}

/**
 * A save takes the row lock of each document it writes before anything is read, as workflow
 * actions do: one by id, a bulk update every document it touches (in the global order, ids
 * ascending, so it cannot deadlock with an approval). A restore names a version: the lock is
 * its document's.
 */
export const lockDocumentForSave: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { id, where, draft } = args as { id?: string | number; where?: Where; draft?: boolean }
  const slug = collection.slug as ReviewableCollection
  if (operation === 'update' && id === undefined && where) return { ...args, where: await lockMatching(req, slug, where, draft === true) }
  if (id === undefined) return args
  if (operation === 'update') await lockDocumentRow(req, slug, id)
  if (operation === 'restoreVersion') {
    const version = await req.payload.findVersionByID({
      collection: slug,
      id: String(id),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (version) await lockDocumentRow(req, slug, String(version.parent))
  }
  return args
}
