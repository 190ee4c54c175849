// The request's transaction and the row locks around check-and-publish.
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { list, rowsInRequest, sql, tableOf } from '../lib/sql'
import { ConcurrencyConflict, isConcurrencyConflict } from './errors'

/**
 * Locks the document's main row until the request's transaction ends. Every save
 * and every workflow action on a document takes this lock first, so a save and an
 * approval never interleave and always take locks in the same order. FOR NO KEY UPDATE,
 * not FOR UPDATE: it excludes other saves, approvals and FOR SHARE readers, but not the
 * KEY SHARE lock a foreign key check takes (an article's save naming a tip), which would
 * otherwise deadlock with the tip's approval locking that article.
 */
export async function lockDocumentRow(req: PayloadRequest, collection: string, id: string | number): Promise<void> {
  await lockDocumentRows(req, collection, [id], 'update')
}

/**
 * Locks several documents' rows, in id order (one order everywhere, so two requests
 * locking overlapping sets cannot deadlock). `share` lets other readers lock them too but
 * keeps saves and approvals of those documents out until the transaction ends.
 */
export async function lockDocumentRows(
  req: PayloadRequest,
  collection: string,
  ids: (string | number)[],
  mode: 'update' | 'share',
): Promise<void> {
  if (ids.length === 0) return
  const table = sql.identifier(tableOf(req.payload, collection))
  const sorted = [...new Set(ids.map(Number))].sort((a, b) => a - b)
  const lock = mode === 'share' ? sql`for share` : sql`for no key update`
  await rowsInRequest(req, sql`select id from ${table} where id in (${list(sorted)}) order by id ${lock}`)
}

/**
 * Runs `work` in the request's transaction (or the one it already has): committed when it
 * returns, rolled back when it throws. A lock that lost a race is a 409 the person can retry.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    if (isConcurrencyConflict(error)) {
      throw new ConcurrencyConflict()
    }
    throw error
  }
}
