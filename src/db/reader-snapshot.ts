// Readers see all of a release or none of it. A release's members go live in one transaction,
// but a page reads an article and then, in other statements, the tips and warnings it shows:
// between two statements another transaction may commit. So a reader's read of an article
// runs in one read-only REPEATABLE READ transaction: every statement sees the same snapshot.
// On the replica the reader scope chose (src/db/reader-database.ts), else on the primary.
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { scopedReaderDatabase } from './reader-database'

type Transactional = { transaction: <T>(work: (tx: unknown) => Promise<T>, config?: unknown) => Promise<T> }
type Sessions = Record<string | number, { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }>
type Adapter = { drizzle: Transactional; sessions: Sessions; commitTransaction: (id: string | number) => Promise<void> }

const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const

/**
 * Opens the snapshot as a Payload transaction (so every Local API call given its id reads in
 * it) and returns the id. `commitReaderSnapshot` ends it.
 */
export async function openReaderSnapshot(payload: Payload): Promise<string> {
  const adapter = payload.db as unknown as Adapter
  const database = (scopedReaderDatabase() as unknown as Transactional | undefined) ?? adapter.drizzle
  // Unique across module copies (Next.js may load this module once per route bundle, and all
  // copies share the adapter's sessions): a counter per copy would hand two reads one key.
  const id = `reader-snapshot-${randomUUID()}`
  await new Promise<void>((opened, failed) => {
    let release: () => void
    const finished = new Promise<void>((resolve) => (release = resolve))
    const done = database
      .transaction(async (tx) => {
        adapter.sessions[id] = {
          db: tx,
          resolve: async () => {
            release()
            await done
          },
          reject: async () => {
            release()
            await done
          },
        }
        opened()
        await finished
      }, SNAPSHOT)
      .catch(failed)
  })
  return id
}

export async function commitReaderSnapshot(payload: Payload, id: string): Promise<void> {
  const adapter = payload.db as unknown as Adapter
  const session = adapter.sessions[id]
  if (!session) return
  delete adapter.sessions[id]
  await session.resolve()
}

/** Runs `work` with a request whose reads share one snapshot. */
export async function inReaderSnapshot<T>(payload: Payload, work: (req: Partial<PayloadRequest>) => Promise<T>): Promise<T> {
  const id = await openReaderSnapshot(payload)
  try {
    return await work({ transactionID: id })
  } finally {
    await commitReaderSnapshot(payload, id)
  }
}

// GraphQL resolves an article's tips and warnings after the article's own operation returns, so
// its snapshot must last until the whole request is answered: the route keeps a scope open,
// and the snapshots opened in it are ended when the response is ready.
type Scope = { payload: Payload | null; ids: string[]; opening?: Promise<string> }
const KEY = Symbol.for('vetted.reader-snapshot-scope')
const store = globalThis as unknown as { [KEY]?: AsyncLocalStorage<Scope> }
const scopes = (store[KEY] ??= new AsyncLocalStorage<Scope>())

/**
 * In a request-wide scope (GraphQL), the one snapshot of the request, opened on first use:
 * every resolver's reads share it, whichever of their requests Payload hands the relationships.
 * Null outside such a scope.
 */
export function requestSnapshot(payload: Payload): Promise<string> | null {
  const scope = scopes.getStore()
  if (!scope) return null
  scope.payload = payload
  scope.opening ??= openReaderSnapshot(payload).then((id) => {
    scope.ids.push(id)
    return id
  })
  return scope.opening
}

export function withRequestSnapshots<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const scope: Scope = { payload: null, ids: [] }
    try {
      return await scopes.run(scope, () => handler(...args))
    } finally {
      for (const id of scope.ids) await commitReaderSnapshot(scope.payload!, id)
    }
  }
}
