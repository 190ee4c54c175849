// The little raw SQL the workflow needs: row locks around check-and-publish.
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

/** The Drizzle handle of the request's transaction, or the pool outside one. */
export async function executorFor(req: PayloadRequest): Promise<Executor> {
  const db = req.payload.db as unknown as {
    drizzle: Executor
    sessions?: Record<string | number, { db: Executor } | undefined>
  }
  const transactionID = req.transactionID ? await req.transactionID : undefined
  return (transactionID !== undefined && db.sessions?.[transactionID]?.db) || db.drizzle
}

/**
 * Locks the document's main row until the request's transaction ends. Every save
 * and every workflow action on a document takes this lock first, so a save and an
 * approval never interleave and always take locks in the same order. FOR NO KEY UPDATE,
 * not FOR UPDATE: it excludes other saves, approvals and FOR SHARE readers, but not the
 * KEY SHARE lock a foreign key check takes (an article's save naming a tip), which would
 * otherwise deadlock with the tip's approval locking that article.
 */
export async function lockDocumentRow(req: PayloadRequest, collection: string, id: string | number): Promise<void> {
  const table = (req.payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap.get(collection)
  if (!table) throw new Error(`No table for collection ${collection}`)
  const executor = await executorFor(req)
  await executor.execute(sql`select id from ${sql.identifier(table)} where id = ${Number(id)} for no key update`)
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
  const table = (req.payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap.get(collection)
  if (!table) throw new Error(`No table for collection ${collection}`)
  const sorted = [...new Set(ids.map(Number))].sort((a, b) => a - b)
  const executor = await executorFor(req)
  const lock = mode === 'share' ? sql`for share` : sql`for no key update`
  await executor.execute(
    sql`select id from ${sql.identifier(table)} where id in (${sql.join(sorted.map((id) => sql`${id}`), sql`, `)}) order by id ${lock}`,
  )
}
