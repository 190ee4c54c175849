// Taking a scheduled release back to "submitted" (not ready any more, or its go-live refused at
// its time), with the reason on the release and the people concerned told: one path for both.
import type { PayloadRequest } from 'payload'
import { relationId } from '../../lib/document-id'
import { rowsInRequest, sql } from '../../db/sql'
import type { Target } from '../data/facts'
import { releaseHolding } from '../data/held-sign-off'
import { saveRelease } from './releases'
import { notifyGoLiveCancelled } from './notices'

/**
 * Unschedules the release if it is still scheduled (for `at`, when given), in the caller's
 * transaction. `wait: false` skips a release another transaction holds: a go-live in progress
 * waits for the caller's document and will cancel it itself (the opposite lock order).
 */
export async function unscheduleRelease(
  req: PayloadRequest,
  releaseId: number,
  { why, at, wait }: { why: string; at?: string; wait: boolean },
): Promise<boolean> {
  const still = await rowsInRequest(
    req,
    sql`select id from releases where id = ${releaseId} and state = 'scheduled'
        ${at ? sql`and go_live_at = ${at}::timestamptz` : sql``}
        for no key update ${wait ? sql`` : sql`skip locked`}`,
  )
  if (still.length === 0) return false
  const release = await req.payload.findByID({ collection: 'releases', id: releaseId, depth: 0, overrideAccess: true, req })
  const plannedFor = at ?? release.goLiveAt ?? ''
  await saveRelease(req, releaseId, {
    state: 'submitted',
    goLiveAt: null,
    scheduledBy: null,
    problem: `The go-live scheduled for ${plannedFor} was cancelled: ${why.replace(/\.$/, '')}.`,
  })
  await notifyGoLiveCancelled(
    req,
    { release: { id: releaseId, name: release.name }, document: null },
    { scheduledBy: relationId(release.scheduledBy), why, plannedFor },
  )
  return true
}

/** A member of a scheduled release was saved after its approval: unscheduled now, not at its time. */
export async function unscheduleReleaseOf(req: PayloadRequest, target: Target): Promise<void> {
  const holder = await releaseHolding(req, target)
  if (holder?.state !== 'scheduled') return
  const [member] = await rowsInRequest<{ title: string | null }>(
    req,
    sql`select document_title as title from releases_members where _parent_id = ${holder.id} and document_collection::text = ${target.collection} and document_id = ${target.id}`,
  )
  await unscheduleRelease(req, holder.id, { why: `"${member?.title ?? `#${target.id}`}" was saved again after its approval`, wait: false })
}
