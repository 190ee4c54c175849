// A sign-off that does not go live at once: its version's approvals met the policy while the
// document was in an unfinished release, or the completing reviewer chose a time. Kept on the
// document's workflow row until the release or the schedule makes it live (src/review/releases/go-live.ts), or it
// is withdrawn (changes requested, retirement, the release cancelled or the document removed).
import type { PayloadRequest } from 'payload'
import type { User, Workflow as ReviewState } from '../../../payload-types'
import {
  checkScheduledTime,
  type PolicyProgress,
  type ReleaseState,
  type ReviewableCollection,
  type ReviewKind,
  type SignOffPolicy,
  UNFINISHED_RELEASE_STATES,
} from '../../workflow'
import { list, rowsInRequest, sql } from '../../db/sql'
import { createReview, findReviewState, type PendingHashes, type ReviewRecord, saveReviewState } from './repository'
import { lockDocumentRow } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import type { Target } from './facts'
import { scheduleLeadSeconds } from '../../lib/server-env'

export const SCHEDULE_QUEUE = 'schedules'
export type GoLiveOnScheduleInput = { collection: ReviewableCollection; id: string; at: string } | { releaseId: number; at: string }

export type HeldSignOff = {
  versionId: string
  contentHash: string
  reviewKind: ReviewKind
  /** When the approval that completed the policy was given. */
  signedOffAt: string
  /** The approvals counted, the completing one last. */
  approvalIds: number[]
  reviewedBy: number
  /** The release it waits for, or null when it goes live alone at `goLiveAt`. */
  releaseId: number | null
  /** The sign-off rules the approvals met (re-checked, with the rules then, at the go-live). */
  policy?: SignOffPolicy
  /** What readers will be told changed, and whether it corrects a mistake (src/workflow/change-log.ts). */
  publicNote?: string | null
  correction?: boolean
}

export function heldSignOffOf(reviewState: Pick<ReviewState, 'heldSignOff'> | null | undefined): HeldSignOff | null {
  const value = reviewState?.heldSignOff as HeldSignOff | null | undefined
  return value && typeof value === 'object' && typeof value.versionId === 'string' ? value : null
}

export type ReleaseRef = { id: number; name: string; state: ReleaseState }

/** The unfinished release that holds this document, if any (one at a time). */
export async function releaseHolding(req: PayloadRequest, target: Target): Promise<ReleaseRef | null> {
  const found = await rowsInRequest<{ id: number; name: string; state: ReleaseState }>(
    req,
    sql`select r.id, r.name, r.state::text as state from releases r join releases_members m on m._parent_id = r.id
        where m.document_collection::text = ${target.collection} and m.document_id = ${target.id}
          and r.state::text in (${list([...UNFINISHED_RELEASE_STATES])})
        order by r.id limit 1`,
  )
  return found[0] ? { id: Number(found[0].id), name: found[0].name, state: found[0].state } : null
}

export type MemberRow = { collection: ReviewableCollection; id: string; title: string | null }

export async function releaseMembers(req: PayloadRequest, releaseId: number): Promise<MemberRow[]> {
  const found = await rowsInRequest<{ collection: ReviewableCollection; id: string; title: string | null }>(
    req,
    sql`select document_collection::text as collection, document_id as id, document_title as title
        from releases_members where _parent_id = ${releaseId} order by _order`,
  )
  return found.map((row) => ({ collection: row.collection, id: String(row.id), title: row.title }))
}

/**
 * The tips and warnings of a release with the hash they go live with: their held sign-off's,
 * or null while not signed off. An article in the release is signed with these, so that it is
 * reviewed as readers will see it, with the new tips and warnings beside it.
 */
export async function pendingSharedHashes(req: PayloadRequest, releaseId: number): Promise<PendingHashes> {
  const found = await rowsInRequest<{ collection: string; id: string; held: HeldSignOff | null }>(
    req,
    sql`select m.document_collection::text as collection, m.document_id as id, w.held_sign_off as held
        from releases_members m
        left join workflow w on w.key = m.document_collection::text || ':' || m.document_id
        where m._parent_id = ${releaseId} and m.document_collection::text in ('tips', 'warnings')`,
  )
  const heldHere = (held: HeldSignOff | null) => (held?.releaseId === releaseId ? held.contentHash : null)
  return new Map(found.map((row) => [`${row.collection}:${row.id}`, heldHere(heldSignOffOf({ heldSignOff: row.held }))]))
}

/**
 * When an approval asks for a time ("goLiveAt"): only the approval that completes the sign-off
 * chooses it, and never for a document whose release decides. Null: no time asked for.
 */
export function holdingDecision(input: {
  goLiveAt: string | null
  release: ReleaseRef | null
  completes: boolean
  progress: string
}): Date | null {
  const { goLiveAt, release, completes, progress } = input
  if (goLiveAt == null) return null
  if (release) throw new ApiError(409, `This document goes live with the release "${release.name}": schedule the release instead.`)
  const time = checkScheduledTime(goLiveAt, new Date(), 'to make it live now, approve without "goLiveAt"', scheduleLeadSeconds())
  if (!time.ok) throw new ApiError(time.status, time.message)
  if (!completes) {
    throw new ApiError(
      409,
      `This approval does not complete the sign-off (${progress}): the reviewer who completes it chooses when it goes live.`,
    )
  }
  return time.at
}

type HoldInput = {
  user: User
  target: Target
  comment: string | null
  record: Omit<ReviewRecord, 'decision'>
  counted: number[]
  kind: ReviewKind
  policy: SignOffPolicy
  progress: PolicyProgress
  release: ReleaseRef | null
  goLiveAt: Date | null
}

/** The approval that completes the sign-off, held: recorded, but nothing readers see changes. */
export async function holdSignOff(req: PayloadRequest, input: HoldInput) {
  const { user, target, comment, record, counted, kind, policy, progress, release, goLiveAt } = input
  const waitsFor = release ? `goes live with the release "${release.name}"` : `goes live at ${goLiveAt!.toISOString()}`
  const review = await createReview(req, {
    ...record,
    decision: 'approved',
    comment,
    publishes: false,
    approvalSet: counted,
    policySummary: `${progress.summary}; ${waitsFor}`,
  })
  const held: HeldSignOff = {
    versionId: record.versionId,
    contentHash: record.contentHash,
    reviewKind: kind,
    signedOffAt: record.decidedAt,
    approvalIds: [...counted, review.id],
    reviewedBy: user.id,
    releaseId: release?.id ?? null,
    policy,
    publicNote: record.publicNote ?? null,
    correction: record.correction ?? false,
  }
  const at = goLiveAt?.toISOString() ?? null
  await saveReviewState(req, target.collection, target.id, {
    state: 'approved',
    heldSignOff: held,
    goLiveAt: at,
    goLiveScheduledBy: at ? user.id : null,
  })
  if (at) {
    const input: GoLiveOnScheduleInput = { collection: target.collection, id: target.id, at }
    await req.payload.jobs.queue({ task: 'goLiveOnSchedule', queue: SCHEDULE_QUEUE, input, waitUntil: goLiveAt!, req })
  }
  return {
    state: 'approved' as const,
    versionId: record.versionId,
    reviewId: review.id,
    contentHash: record.contentHash,
    signOff: progress,
    held: { releaseId: release?.id ?? null, releaseName: release?.name ?? null, goLiveAt: at },
  }
}

/**
 * Withdraws a held sign-off that waited for this release (or, with null, for its own time):
 * the document goes back to review in a new round, so nothing goes live by surprise. Takes the
 * document's row lock.
 */
export async function withdrawHeld(req: PayloadRequest, target: Target, releaseId: number | null): Promise<boolean> {
  await lockDocumentRow(req, target.collection, target.id)
  const reviewState = await findReviewState(req, target.collection, target.id)
  const held = heldSignOffOf(reviewState)
  if (!held || held.releaseId !== releaseId) return false
  const backToReview = reviewState?.state === 'approved' ? { state: 'in_review' as const, submittedAt: new Date().toISOString() } : {}
  await saveReviewState(req, target.collection, target.id, { heldSignOff: null, goLiveAt: null, goLiveScheduledBy: null, ...backToReview })
  return true
}
