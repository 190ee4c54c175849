// Which database the reader site reads: a streaming replica (DATABASE_REPLICA_URLS) when it
// has replayed every approval and retirement that expired cached pages, else the primary.
//
// Payload's own routing sends reads to a random replica, and to the primary for a moment
// after a write made by the same process only. Vetted replaces it: every read goes to the
// primary (staff, the workflow API, logins, previews never read a replica), except reads that
// the reader site runs inside `onReaderDatabase`, which pick a replica that has reached the fence.
// The fence is the primary's WAL position after the latest expiring commit, shared by all
// instances through Redis (src/cache/shared-cache.ts, handed in as `sharedFence` at start) or,
// with one instance, kept here. So
// after an approval no instance renders (and caches) the page from a replica that has not
// replayed it: it reads the primary until the replica catches up, and the approval never
// waits for a replica.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Payload } from 'payload'
import { withReplicas } from 'drizzle-orm/pg-core'
import { sql } from '@payloadcms/db-postgres'
import { maxPosition, parseLsn } from './wal-position'

type Database = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }> }
type Replica = { db: Database; replayed: bigint; checking?: Promise<bigint | null> }
/** Reads the fence all instances share; null when it is unknown (then: read the primary). */
export type SharedFence = () => Promise<bigint | null>
type Routing = { primary: Database; replicas: Replica[]; localFence: bigint | null; sharedFence: SharedFence | null }

// On globalThis: Next.js may load this module more than once (route bundles), and the scope
// set by one copy must be seen by the adapter installed through another.
const KEY = Symbol.for('vetted.reader-database')
const store = globalThis as unknown as { [KEY]?: { scope: AsyncLocalStorage<Database>; routing: Routing | null } }
const shared = (store[KEY] ??= { scope: new AsyncLocalStorage<Database>(), routing: null })

const REPLAY_CHECK_TIMEOUT_MS = 250

/** The replica URLs from DATABASE_REPLICA_URLS (comma-separated), for the Postgres adapter. */
export function replicaUrls(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  return urls.length > 0 ? urls : undefined
}

type Adapter = { drizzle: Database & { $replicas?: Database[] }; primaryDrizzle?: Database }

/**
 * Called once Payload connected (onInit): makes the primary the default for every read and
 * lets `onReaderDatabase` choose a replica. Does nothing without replicas. `sharedFence`: with
 * several instances, where the fence is kept for all of them.
 */
export async function installReaderRouting(payload: Payload, { sharedFence }: { sharedFence: SharedFence | null }): Promise<void> {
  const adapter = payload.db as unknown as Adapter
  const primary = adapter.primaryDrizzle
  const replicaDbs = adapter.drizzle.$replicas
  if (!primary || !replicaDbs || replicaDbs.length === 0) return
  const choose = (_: unknown[]) => shared.scope.getStore() ?? primary
  adapter.drizzle = withReplicas(primary as never, [primary, ...replicaDbs] as never, choose as never) as unknown as Adapter['drizzle']
  // What this process knows without Redis: nothing before now has been replayed for sure.
  const localFence = await primaryPosition(primary).catch(() => null)
  shared.routing = { primary, replicas: replicaDbs.map((db) => ({ db, replayed: -1n })), localFence, sharedFence }
}

async function primaryPosition(primary: Database): Promise<bigint | null> {
  const { rows } = await primary.execute(sql`select pg_current_wal_lsn()::text as lsn`)
  return parseLsn((rows[0] as { lsn?: string } | undefined)?.lsn)
}

/** After an expiring commit on this process (single-instance mode keeps the fence here). */
export function raiseLocalFence(position: bigint): void {
  const routing = shared.routing
  if (routing) routing.localFence = maxPosition(routing.localFence, position)
}

export const readReplicasEnabled = (): boolean => shared.routing !== null

/** The primary's WAL position now (after a commit: at or past it); null without replicas. */
export async function walPositionAfterCommit(): Promise<bigint | null> {
  const routing = shared.routing
  return routing ? primaryPosition(routing.primary) : null
}

async function currentFence(routing: Routing): Promise<bigint | null> {
  if (!routing.sharedFence) return routing.localFence
  // Shared: unknown (Redis down, or its record lost) means the primary, until it is back.
  const fence = await routing.sharedFence()
  return fence === null ? null : maxPosition(fence, routing.localFence)
}

async function replayedPosition(replica: Replica): Promise<bigint | null> {
  replica.checking ??= (async () => {
    let timer: NodeJS.Timeout | undefined
    try {
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), REPLAY_CHECK_TIMEOUT_MS)
      })
      const read = replica.db
        .execute(sql`select pg_last_wal_replay_lsn()::text as lsn`)
        .then(({ rows }) => parseLsn((rows[0] as { lsn?: string } | undefined)?.lsn))
        .catch(() => null)
      const position = await Promise.race([read, timeout])
      if (position !== null && position > replica.replayed) replica.replayed = position
      return position
    } finally {
      clearTimeout(timer)
      replica.checking = undefined
    }
  })()
  return replica.checking
}

/** A replica that has replayed the fence, else the primary. */
async function chooseReaderDatabase(routing: Routing): Promise<Database> {
  const fence = await currentFence(routing)
  if (fence === null) return routing.primary
  const start = Math.floor(Math.random() * routing.replicas.length)
  const order = routing.replicas.map((_, i) => routing.replicas[(start + i) % routing.replicas.length]!)
  const ready = order.find((replica) => replica.replayed >= fence)
  if (ready) return ready.db
  for (const replica of order) {
    const position = await replayedPosition(replica)
    if (position !== null && position >= fence) return replica.db
  }
  return routing.primary
}

/**
 * Runs the reader site's reads on a replica that is up to date enough, or the primary. A read
 * that fails on a replica (down, or cancelled by replay) is run again on the primary, and
 * that replica's position is checked afresh before it is used again.
 */
export async function onReaderDatabase<T>(work: () => Promise<T>): Promise<T> {
  const routing = shared.routing
  if (!routing) return work()
  const chosen = await chooseReaderDatabase(routing)
  if (chosen === routing.primary) return shared.scope.run(chosen, work)
  try {
    return await shared.scope.run(chosen, work)
  } catch {
    const replica = routing.replicas.find((candidate) => candidate.db === chosen)
    if (replica) replica.replayed = -1n
    return shared.scope.run(routing.primary, work)
  }
}

/** The database the current reader scope chose (for raw SQL), if any. */
export const scopedReaderDatabase = (): Database | undefined => shared.scope.getStore()
