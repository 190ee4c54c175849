// The raw SQL the app needs beside Payload's Local API (locks, search, counters), typed once.
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { scopedReaderDatabase } from './reader-database'

export { sql }
export type Query = ReturnType<typeof sql>
type Executor = { execute: (query: Query) => Promise<{ rows: unknown[] }> }

const executorOf = (payload: Payload) =>
  payload.db as unknown as { drizzle: Executor; sessions?: Record<string | number, { db: Executor } | undefined> }

/** The Drizzle handle of the request's transaction, or the pool outside one. */
async function executorFor(req: PayloadRequest): Promise<Executor> {
  const db = executorOf(req.payload)
  const transactionID = req.transactionID ? await req.transactionID : undefined
  return (transactionID !== undefined && db.sessions?.[transactionID]?.db) || db.drizzle
}

/** Rows of a query run in the request's transaction (on the pool when it has none). */
export async function rowsInRequest<T>(req: PayloadRequest, query: Query): Promise<T[]> {
  return (await (await executorFor(req)).execute(query)).rows as T[]
}

/**
 * Rows of a query run outside any request transaction: on the replica the reader site's
 * scope chose (src/db/reader-database.ts), else on the primary.
 */
export async function rows<T>(payload: Payload, query: Query): Promise<T[]> {
  return (await (scopedReaderDatabase() ?? executorOf(payload).drizzle).execute(query)).rows as T[]
}

/** The table that holds a collection's main rows. */
export function tableOf(payload: Payload, collection: string): string {
  const table = (payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap.get(collection)
  if (!table) throw new Error(`No table for collection ${collection}`)
  return table
}

/** `a, b, c` of bound values, for `in (...)`. */
export const list = (values: (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )
