// The request's transaction and the row locks around check-and-publish.
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { list, rowsInRequest, sql, tableOf } from './sql'

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
 * returns, rolled back when it throws.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}

// Serialization failure, deadlock, lock not available.
const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01', '55P03'])

/** A write conflict with a concurrent request: nothing was written, and trying again may succeed. */
export function isConcurrencyConflict(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && RETRYABLE_POSTGRES_CODES.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
