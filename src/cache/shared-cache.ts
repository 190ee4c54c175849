// The app's side of the shared cache on Redis (REDIS_URL): whether it is on, and the two
// things the app writes to it directly rather than through Next.js (whose revalidateTag runs
// only after a route handler's response is sent, and throws outside a request).
import { applyExpiries, defaultState } from './redis-cache-handler.mjs'
import { parseFence } from '../db/wal-position'

/** Several instances share one cache: expiries and the replica fence live in Redis. */
export const sharedCacheEnabled = (): boolean => Boolean(process.env.REDIS_URL)

/**
 * Records that the tags expired now (on Redis's clock), for every instance at once, raising
 * the replica fence to `fence` in the same step when given. Resolves false when Redis could
 * not take it (this process keeps it for replay; the outbox keeps it durably).
 */
export function expireShared(tags: string[], fence?: bigint | null): Promise<boolean> {
  return applyExpiries(tags, undefined, fence == null ? {} : { fence: fence.toString() })
}

/** Raises the shared replica fence to a WAL position. */
export function raiseSharedFence(position: bigint): Promise<boolean> {
  return defaultState().raiseFence(position.toString())
}

/** The shared replica fence; null when Redis is unusable or has none (then: read the primary). */
export async function readSharedFence(): Promise<bigint | null> {
  return parseFence(await defaultState().readFence())
}
