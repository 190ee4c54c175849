// Scheduled retirement: POST /api/<collection>/:id/schedule-retirement { at, comment } (null
// cancels), and the job that carries it out at that time through the same path as a manual
// retirement (performAction), as the reviewer who scheduled it. The job is queued in the same
// transaction as the schedule; a job whose schedule was moved or cancelled does nothing.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { decideRetirement, isCurrentSchedule, type ReviewableCollection } from '../../workflow'
import { inTransaction, isConcurrencyConflict, lockDocumentRow } from '../../db/transactions'
import { relationId } from '../../lib/document-id'
import { ApiError } from '../../http/errors'
import { readFacts, type Target } from '../data/facts'
import { findReviewState, saveReviewState } from '../data/repository'
import { performAction } from './perform-action'

import { SCHEDULE_QUEUE } from '../data/held-sign-off'
import { scheduleLeadSeconds } from '../../lib/server-env'
export { SCHEDULE_QUEUE }
export type RetireOnScheduleInput = { collection: ReviewableCollection; id: string; at: string }
export type ScheduledRetirement = { retireAt: string | null; comment: string | null }

const noSchedule = { retireAt: null, retireComment: null, retireScheduledBy: null }

/** `at` null cancels; the pure rules check the time and the comment (src/workflow/scheduled-retirement.ts). */
export async function scheduleRetirement(
  req: PayloadRequest,
  target: Target,
  schedule: { at: unknown; comment: unknown },
): Promise<ScheduledRetirement> {
  const user = req.user as User | null
  if (!user) throw new ApiError(401, 'Log in to schedule a retirement.')
  return inTransaction(req, async () => {
    await lockDocumentRow(req, target.collection, target.id)
    const facts = await readFacts(req, target)
    const decision = decideRetirement({
      actor: { roles: user.roles ?? [] },
      isLive: facts.isLive,
      at: schedule.at,
      comment: schedule.comment,
      now: new Date(),
      minLeadSeconds: scheduleLeadSeconds(),
    })
    if (!decision.ok) throw new ApiError(decision.status, decision.message)
    let result: ScheduledRetirement = { retireAt: null, comment: null }
    if ('cancel' in decision) {
      await saveReviewState(req, target.collection, target.id, noSchedule, { state: 'published' })
    } else {
      const at = decision.at.toISOString()
      await saveReviewState(
        req,
        target.collection,
        target.id,
        { retireAt: at, retireComment: decision.comment, retireScheduledBy: user.id },
        { state: 'published' },
      )
      const input: RetireOnScheduleInput = { collection: target.collection, id: target.id, at }
      await req.payload.jobs.queue({ task: 'retireOnSchedule', queue: SCHEDULE_QUEUE, input, waitUntil: decision.at, req })
      result = { retireAt: at, comment: decision.comment }
    }
    return result
  })
}

/**
 * Carries out a scheduled retirement that is still current. Runs late when the app was down at
 * the time (the job waits in the queue); the trail records when it actually happened.
 */
export async function retireOnSchedule(req: PayloadRequest, input: RetireOnScheduleInput): Promise<string> {
  const target: Target = { collection: input.collection, id: input.id }
  const reviewState = await findReviewState(req, target.collection, target.id)
  if (!isCurrentSchedule(reviewState?.retireAt, input.at)) return 'skipped: the schedule was moved or cancelled'
  const byId = relationId(reviewState!.retireScheduledBy)
  const person = byId
    ? await req.payload.findByID({ collection: 'users', id: byId, depth: 0, overrideAccess: true, disableErrors: true, req })
    : null
  const skip = async (why: string) => {
    await saveReviewState(req, target.collection, target.id, noSchedule)
    req.payload.logger.warn(`scheduled retirement of ${target.collection} ${target.id} not carried out: ${why}`)
    return `skipped: ${why}`
  }
  if (!person?.roles?.includes('reviewer')) return skip('the reviewer who scheduled it is no longer a reviewer')
  const asReviewer = Object.assign(req, { user: { ...person, collection: 'users' as const } })
  try {
    await performAction(asReviewer, target, 'retire', { comment: reviewState!.retireComment ?? 'Scheduled retirement.' })
    return 'retired'
  } catch (error) {
    // A lost race is tried again by the queue; a refusal (no longer live, say) ends the schedule.
    if (isConcurrencyConflict(error)) throw error
    if (error instanceof ApiError && error.status < 500) return skip(error.message)
    throw error
  }
}
