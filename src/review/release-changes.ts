// A member of a scheduled release was saved after its approval: the release is not ready any
// more, so its go-live is cancelled now (not at its time) and the people concerned are told.
import type { PayloadRequest } from 'payload'
import { relationId } from '../lib/document-id'
import { rowsInRequest, sql } from '../lib/sql'
import type { Target } from './facts'
import { releaseHolding } from './held-sign-off'
import { saveRelease } from './releases'
import { notifyGoLiveCancelled } from '../notifications/release-events'

export async function unscheduleReleaseOf(req: PayloadRequest, target: Target): Promise<void> {
  const holder = await releaseHolding(req, target)
  if (holder?.state !== 'scheduled') return
  // A go-live in progress holds the release and waits for this document: it will find the
  // release not ready and cancel it itself. Never wait for it here (the opposite lock order).
  const locked = await rowsInRequest(req, sql`select id from releases where id = ${holder.id} and state = 'scheduled' for no key update skip locked`)
  if (locked.length === 0) return
  const release = await req.payload.findByID({ collection: 'releases', id: holder.id, depth: 0, overrideAccess: true, req })
  const plannedFor = release.goLiveAt ?? ''
  const why = `"${release.members?.find((m) => m.documentCollection === target.collection && m.documentId === target.id)?.documentTitle ?? `#${target.id}`}" was saved again after its approval`
  await saveRelease(req, release.id, { state: 'submitted', goLiveAt: null, scheduledBy: null, problem: `The go-live scheduled for ${plannedFor} was cancelled: ${why}.` })
  await notifyGoLiveCancelled(req, { release: { id: release.id, name: release.name }, document: null }, { scheduledBy: relationId(release.scheduledBy), why, plannedFor })
}
