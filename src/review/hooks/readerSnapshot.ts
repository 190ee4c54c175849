// A reader's REST read of articles sees one snapshot: the article and the tips and warnings
// Payload populates for it (depth) are read in one read-only REPEATABLE READ transaction, so a
// release going live meanwhile shows all of its change or none (src/lib/reader-snapshot.ts).
// Staff reads and the server's own Local API calls are left alone. In GraphQL the snapshot
// lasts for the whole request (withRequestSnapshots on its route).
import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { isStaff } from '../../access/roles'
import { commitReaderSnapshot, openReaderSnapshot, requestSnapshotScope } from '../../lib/reader-snapshot'
import { useTransactions } from '../../lib/server-env'

const KEY = 'vettedReaderSnapshot'

const isReaderRequest = (req: PayloadRequest) => req.payloadAPI !== 'local' && !isStaff(req.user)

export const openReaderSnapshotForRead: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'read' || !useTransactions() || req.transactionID || !isReaderRequest(req)) return args
  const id = await openReaderSnapshot(req.payload)
  req.transactionID = id
  const scope = requestSnapshotScope()
  if (scope) {
    // GraphQL: ended when the whole request is answered (its relationships resolve later).
    scope.payload = req.payload
    scope.ids.push(id)
  } else {
    req.context[KEY] = id
  }
  return args
}

export const closeReaderSnapshot: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if ((operation === 'find' || operation === 'findByID') && req.context[KEY] && req.context[KEY] === req.transactionID) {
    const id = req.context[KEY] as string
    delete req.context[KEY]
    delete req.transactionID
    await commitReaderSnapshot(req.payload, id)
  }
  return result
}
