// A reader's REST read of articles sees one snapshot: the article and the tips and warnings
// Payload populates for it (depth) are read in one read-only REPEATABLE READ transaction, so a
// release going live meanwhile shows all of its change or none (src/db/reader-snapshot.ts).
// Staff reads and the server's own Local API calls are left alone. In GraphQL the snapshot
// lasts for the whole request (withRequestSnapshots on its route).
import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { isReviewableCollection, REVIEWABLE } from '../../workflow'
import { isStaff } from '../../access/roles'
import { commitReaderSnapshot, openReaderSnapshot, requestSnapshot } from '../../db/reader-snapshot'

const KEY = 'vettedReaderSnapshot'

const showsShared = (slug: string) => isReviewableCollection(slug) && REVIEWABLE[slug].shows.length > 0

const isReaderRequest = (req: PayloadRequest) => req.payloadAPI !== 'local' && !isStaff(req.user)

export const openReaderSnapshotForRead: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'read' || !isReaderRequest(req)) return args
  // GraphQL: one snapshot for the whole request, ended when it is answered (its relationships
  // resolve after the operations, with any of their requests).
  const shared = requestSnapshot(req.payload)
  if (shared) {
    if (!req.transactionID) req.transactionID = await shared
    return args
  }
  // REST: a document that shows shared content, and what Payload populates for it (read inside).
  if (!showsShared(collection.slug) || req.transactionID) return args
  const id = await openReaderSnapshot(req.payload)
  req.transactionID = id
  req.context[KEY] = id
  return args
}

export const closeReaderSnapshot: CollectionAfterOperationHook = async ({ collection, operation, req, result }) => {
  // Only the showing document's own operation ends it: the shared content populated inside it comes first.
  if (!showsShared(collection.slug)) return result
  if ((operation === 'find' || operation === 'findByID') && req.context[KEY] && req.context[KEY] === req.transactionID) {
    const id = req.context[KEY] as string
    delete req.context[KEY]
    delete req.transactionID
    await commitReaderSnapshot(req.payload, id)
  }
  return result
}
