// The outbox of cache expiries. An approval or retirement records the tags it expires in its
// own transaction (`recordExpiry`); after the commit the same process publishes them
// (`publishExpiry`): raises the replica fence to the commit's WAL position, expires the tags
// everywhere, and marks the row applied. Whatever that missed (the process died after
// commit, Redis was down) the one background runner finds and publishes (`reconcileOutbox`).
// Tags are Next.js cache tags: printable ASCII, never a line break (they go into the array as
// one line each). Publishing is idempotent (an expiry keeps the newest time per tag), so doing it twice costs
// at most a re-render.
import type { Payload, PayloadRequest } from 'payload'
import { rows, rowsInRequest, sql } from '../db/sql'
import { raiseLocalFence, readReplicasEnabled, walPositionAfterCommit } from '../db/reader-database'
import { expireShared, raiseSharedFence, readSharedFence, sharedCacheEnabled } from './shared-cache'

/** An unapplied row older than this was left by a process that did not finish publishing. */
export const ABANDONED_AFTER_MS = 2_000

/** In the action's transaction: the tags it expires, to be published after commit. */
export async function recordExpiry(req: PayloadRequest, tags: string[]): Promise<number | null> {
  if (tags.length === 0) return null
  const [row] = await rowsInRequest<{ id: string }>(
    req,
    sql`insert into cache_expiries (tags) values (string_to_array(${tags.join('\n')}, E'\n')) returning id`,
  )
  return row ? Number(row.id) : null
}

/** Expires tags on this process's view of the cache: Redis when shared, else Next.js's own. */
export type LocalExpiry = (tags: string[]) => void

/**
 * After the commit: the fence and the expiry in one Redis step (so that no render that begins
 * after the expiry reads a replica without the change), then the row is marked applied.
 * Never throws: whatever fails leaves the row for the reconciler, and the old page is expired
 * everywhere it can be even so.
 */
export async function publishExpiry(payload: Payload, id: number | null, tags: string[], expireLocally: LocalExpiry): Promise<boolean> {
  let stored = true
  let position: bigint | null = null
  try {
    position = readReplicasEnabled() ? await walPositionAfterCommit() : null
  } catch (error) {
    stored = false // no fence: the reconciler publishes again with one
    payload.logger.warn(`cache expiry ${id ?? ''}: could not read the WAL position: ${String(error)}`)
  }
  try {
    if (position !== null) raiseLocalFence(position)
    expireLocally(tags)
    if (sharedCacheEnabled()) stored = (await expireSharedSoon(tags, position)) && stored
    if (stored && id !== null) await markApplied(payload, [id], position)
    return stored
  } catch (error) {
    payload.logger.warn(`cache expiry ${id ?? ''} left for the reconciler: ${String(error)}`)
    return false
  }
}

/**
 * A shared expiry that Redis refused at once (a blip: a reconnect, a busy moment) is tried
 * again a few times within half a second before the approval answers: until it is in Redis,
 * other instances may still serve the old page, and the reconciler would only publish it two
 * seconds later. Redis down or slow (an attempt that used its whole budget) is not waited for.
 */
const SHARED_RETRY_WAIT_MS = 100
const SHARED_RETRY_WITHIN_MS = 500
async function expireSharedSoon(tags: string[], position: bigint | null): Promise<boolean> {
  const started = Date.now()
  for (;;) {
    const attempt = Date.now()
    if (await expireShared(tags, position)) return true
    const slow = Date.now() - attempt > SHARED_RETRY_WAIT_MS
    if (slow || Date.now() - started + SHARED_RETRY_WAIT_MS > SHARED_RETRY_WITHIN_MS) return false
    await new Promise((resolve) => setTimeout(resolve, SHARED_RETRY_WAIT_MS))
  }
}

async function markApplied(payload: Payload, ids: number[], position: bigint | null) {
  const lsn = position === null ? null : lsnText(position)
  await rows(
    payload,
    sql`update cache_expiries set applied_at = now(), lsn = coalesce(lsn, ${lsn}::pg_lsn) where id = any(string_to_array(${ids.join(',')}, ',')::bigint[])`,
  )
}

const lsnText = (position: bigint) =>
  `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`

/**
 * Publishes what no process finished publishing (every instance runs this: the one that
 * approved may be cut off from Redis while others are not), and, on the background runner,
 * puts back a lost shared fence at the primary's current position. Every second.
 * Returns how many rows it published.
 */
export async function reconcileOutbox(payload: Payload, expireLocally: LocalExpiry, { runner }: { runner: boolean }): Promise<number> {
  const replicas = readReplicasEnabled()
  if (runner && replicas && sharedCacheEnabled() && (await readSharedFence()) === null) {
    // The fence is gone (Redis restarted, or a snapshot of another run was loaded): readers
    // use the primary until then. Everything committed so far must be replayed first.
    const position = await walPositionAfterCommit()
    if (position !== null) await raiseSharedFence(position)
  }
  const due = await rows<{ id: string; tags: string[] }>(
    payload,
    sql`select id, tags from cache_expiries
        where applied_at is null and created_at < now() - ${`${ABANDONED_AFTER_MS} milliseconds`}::interval
        order by id limit 500`,
  )
  if (due.length === 0) return 0
  const tags = [...new Set(due.flatMap((row) => row.tags))]
  const ok = await publishExpiry(payload, null, tags, expireLocally)
  if (!ok) return 0
  const position = replicas ? await walPositionAfterCommit() : null
  await markApplied(
    payload,
    due.map((row) => Number(row.id)),
    position,
  )
  return due.length
}
