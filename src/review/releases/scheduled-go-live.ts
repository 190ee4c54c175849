// Scheduled go-live: the job that makes a release, or one approved version, live at its time
// (late when the app was down: the job waits in the queue, and the trail records when it
// happened), and POST /api/<collection>/:id/schedule-go-live { at } to move or cancel the
// time of one version. A job whose schedule was moved or cancelled does nothing. When the
// go-live is refused (something changed after the approval), the schedule is cancelled and the
// people concerned are told.
import { createLocalReq, type PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { checkScheduledTime, isCurrentSchedule } from '../../workflow'
import { relationId } from '../../lib/document-id'
import { inTransaction, isConcurrencyConflict, lockDocumentRow } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import type { Target } from '../data/facts'
import { type GoLiveOnScheduleInput, heldSignOffOf, SCHEDULE_QUEUE, withdrawHeld } from '../data/held-sign-off'
import { findReviewState, saveReviewState } from '../data/repository'
import { goLive, ScheduleMoved } from './go-live'
import { unscheduleRelease } from './release-changes'
import { notifyGoLiveCancelled } from './notices'
import { scheduleLeadSeconds } from '../../lib/server-env'

export async function goLiveOnSchedule(req: PayloadRequest, input: GoLiveOnScheduleInput): Promise<string> {
  return 'releaseId' in input ? releaseOnSchedule(req, input) : documentOnSchedule(req, input)
}

/** The reviewer who scheduled it, as the request's user: the go-live is theirs. */
async function asScheduler(req: PayloadRequest, id: string | null): Promise<{ req: PayloadRequest; person: User } | null> {
  const person = id ? await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true }) : null
  if (!person?.roles?.includes('reviewer')) return null
  // A request of its own: the go-live is one transaction, whatever the job runner holds.
  return { req: await createLocalReq({ user: { ...person, collection: 'users' } as never }, req.payload), person }
}

async function releaseOnSchedule(req: PayloadRequest, input: { releaseId: number; at: string }): Promise<string> {
  const release = await req.payload.findByID({
    collection: 'releases',
    id: input.releaseId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!release || release.state !== 'scheduled' || !isCurrentSchedule(release.goLiveAt, input.at))
    return 'skipped: the schedule was moved or cancelled'
  const ref = { id: release.id, name: release.name }
  const scheduler = await asScheduler(req, relationId(release.scheduledBy))
  const cancel = async (why: string) => {
    // Only the schedule this job was for: a release made live, cancelled or moved meanwhile is left alone.
    const own = await createLocalReq({}, req.payload)
    const cancelled = await inTransaction(own, () => unscheduleRelease(own, release.id, { why, at: input.at, wait: true }))
    if (!cancelled) return 'skipped: the schedule was moved or cancelled'
    req.payload.logger.warn(`scheduled go-live of release ${release.id} cancelled: ${why}`)
    return `cancelled: ${why}`
  }
  if (!scheduler) return cancel('the reviewer who scheduled it is no longer a reviewer')
  const members = (release.members ?? []).map((m) => ({ collection: m.documentCollection, id: m.documentId }))
  try {
    await goLive(scheduler.req, { members, release: ref, actor: scheduler.person, plannedFor: input.at })
    return 'live'
  } catch (error) {
    return afterRefusal(error, cancel)
  }
}

async function documentOnSchedule(req: PayloadRequest, input: Target & { at: string }): Promise<string> {
  const target: Target = { collection: input.collection, id: input.id }
  const reviewState = await findReviewState(req, target.collection, target.id)
  if (!isCurrentSchedule(reviewState?.goLiveAt, input.at)) return 'skipped: the schedule was moved or cancelled'
  const scheduledBy = relationId(reviewState!.goLiveScheduledBy)
  const scheduler = await asScheduler(req, scheduledBy)
  const cancel = async (why: string) => {
    const own = await createLocalReq({}, req.payload)
    const cancelled = await inTransaction(own, async () => {
      await lockDocumentRow(own, target.collection, target.id)
      // Only the schedule this job was for (withdrawn, moved or made live meanwhile: left alone).
      if (!isCurrentSchedule((await findReviewState(own, target.collection, target.id))?.goLiveAt, input.at)) return false
      await withdrawHeld(own, target, null)
      const title = String(reviewState?.documentTitle ?? `#${target.id}`)
      await notifyGoLiveCancelled(own, { release: null, document: { ...target, title } }, { scheduledBy, why, plannedFor: input.at })
      return true
    })
    if (!cancelled) return 'skipped: the schedule was moved or cancelled'
    req.payload.logger.warn(`scheduled go-live of ${target.collection} ${target.id} cancelled: ${why}`)
    return `cancelled: ${why}`
  }
  if (!scheduler) return cancel('the reviewer who scheduled it is no longer a reviewer')
  try {
    await goLive(scheduler.req, { members: [target], release: null, actor: scheduler.person, plannedFor: input.at })
    return 'live'
  } catch (error) {
    return afterRefusal(error, cancel)
  }
}

/**
 * A refused go-live: moved meanwhile, nothing to do; a lock race, thrown so the queue tries
 * again; anything else it was refused for (not ready any more) cancels the schedule and tells
 * the people concerned.
 */
async function afterRefusal(error: unknown, cancel: (why: string) => Promise<string>): Promise<string> {
  if (error instanceof ScheduleMoved) return 'skipped: the schedule was moved or cancelled'
  if (isConcurrencyConflict(error)) throw error
  if (error instanceof ApiError && error.status < 500) return cancel(error.message)
  throw error
}

/** POST /api/<collection>/:id/schedule-go-live { at }: moves the time of a held version; null cancels it (back to review). */
export async function scheduleDocumentGoLive(req: PayloadRequest, target: Target, at: unknown): Promise<{ goLiveAt: string | null }> {
  const user = req.user as User | null
  if (!user) throw new ApiError(401, 'Log in to schedule a go-live.')
  if (!user.roles?.includes('reviewer')) throw new ApiError(403, 'Only reviewer accounts decide when content goes live.')
  return inTransaction(req, async () => {
    await lockDocumentRow(req, target.collection, target.id)
    const reviewState = await findReviewState(req, target.collection, target.id)
    const held = heldSignOffOf(reviewState)
    if (!held || held.releaseId !== null || !reviewState?.goLiveAt) {
      throw new ApiError(409, 'Nothing of this document is scheduled to go live: approve it with { "goLiveAt": ... } to schedule it.')
    }
    if (at === null) {
      await withdrawHeld(req, target, null)
      return { goLiveAt: null }
    }
    const time = checkScheduledTime(at, new Date(), 'to make it live sooner, choose a time at least that far ahead', scheduleLeadSeconds())
    if (!time.ok) throw new ApiError(time.status, time.message)
    const goLiveAt = time.at.toISOString()
    await saveReviewState(req, target.collection, target.id, { goLiveAt, goLiveScheduledBy: user.id })
    const input: GoLiveOnScheduleInput = { collection: target.collection, id: target.id, at: goLiveAt }
    await req.payload.jobs.queue({ task: 'goLiveOnSchedule', queue: SCHEDULE_QUEUE, input, waitUntil: time.at, req })
    return { goLiveAt }
  })
}
