// A reader's REST read of articles sees one snapshot: the article and the tips and warnings
// Payload populates for it (depth) are read in one read-only REPEATABLE READ transaction, so a
// release going live meanwhile shows all of its change or none (src/lib/reader-snapshot.ts).
// Staff reads and the server's own Local API calls are left alone. In GraphQL the snapshot
// lasts for the whole request (withRequestSnapshots on its route).
import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { isStaff } from '../../access/roles'
import { commitReaderSnapshot, openReaderSnapshot, requestSnapshot } from '../../lib/reader-snapshot'

const KEY = 'vettedReaderSnapshot'

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
  // REST: an article and what Payload populates for it (tips and warnings, read inside).
  if (collection.slug !== 'articles' || req.transactionID) return args
  const id = await openReaderSnapshot(req.payload)
  req.transactionID = id
  req.context[KEY] = id
  return args
}

export const closeReaderSnapshot: CollectionAfterOperationHook = async ({ collection, operation, req, result }) => {
  // Only the article's own operation ends it: the tips and warnings populated inside it come first.
  if (collection.slug !== 'articles') return result
  if ((operation === 'find' || operation === 'findByID') && req.context[KEY] && req.context[KEY] === req.transactionID) {
    const id = req.context[KEY] as string
    delete req.context[KEY]
    delete req.transactionID
    await commitReaderSnapshot(req.payload, id)
  }
  return result
}
