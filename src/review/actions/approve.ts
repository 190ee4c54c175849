// Approve: one reviewer's sign-off of the submitted version. Each approval counts towards the
// version's sign-off rules; the one that completes them makes the version live in this
// transaction, or holds it for its release or its chosen time (src/review/data/held-sign-off.ts). Who may
// approve is settled first; then what this reviewer confirms about the version.
import {
  type ApprovalCheck,
  checkApproval,
  decideChangeNote,
  isShared,
  refuseMinor,
  REVIEWABLE,
  reviewDates,
  type ReviewKind,
  type SignOffPolicy,
  signOffKind,
  signOffNote,
} from '../../workflow'
import type { Review } from '../../../payload-types'
import { ApiError } from '../../http/errors'
import type { ApprovalSettings } from '../data/approval-settings'
import { holdingDecision, holdSignOff, pendingSharedHashes, type ReleaseRef, releaseHolding } from '../data/held-sign-off'
import { type ContentDoc, createReview, findVersion, type ReviewRecord, saveReviewState } from '../data/repository'
import { asReviewWrite } from '../data/review-writes'
import { assertShownAreLocked, type LockedShared, sharedContentChanged } from '../data/shared-content'
import { approvalsOfRound, asCounted, policyOfSubmission, stillEligible } from '../data/sign-off-policy'
import { clearedSubmission, contentOf, hashOf, reviewRecord } from '../data/sign-off-records'
import { type ApprovalAnswers, approvalChecks, authorDisclosures } from './approval-checks'
import { refuseUnlessStanding } from './approver-standing'
import type { ActionContext, ActionResult } from './types'

export type ApprovalInput = {
  reviewKind: ReviewKind
  goLiveAt: string | null
  changeNote: string | null
  correction: boolean
  answers: ApprovalAnswers
}

/** Taken before the document's row lock, in the lock order (perform-action.ts). */
export type ApprovalLocks = { settings: ApprovalSettings; shared: LockedShared }

type Submitted = { id: string; content: ContentDoc }
type Round = { policy: SignOffPolicy; approvals: Review[]; check: Extract<ApprovalCheck, { ok: true }> }

export async function approve(ctx: ActionContext, locks: ApprovalLocks, input: ApprovalInput): Promise<ActionResult> {
  const { req, actor, target, facts, comment } = ctx
  await refuseUnlessStanding(req, actor, facts.authors)
  const publicNote = whatReadersAreTold(ctx, input)
  const submitted = await submittedVersion(ctx, locks.shared)
  const release = await releaseHolding(req, target)
  const hash = await signingHash(ctx, submitted, release)
  const round = await countTowardsPolicy(ctx, submitted, hash)
  const checks = await approvalChecks(req, {
    collection: target.collection,
    content: submitted.content,
    settings: locks.settings,
    answers: input.answers,
    approver: actor,
  })
  const record: Omit<ReviewRecord, 'decision'> = {
    ...reviewRecord(actor, target, submitted.content.title, submitted.id, hash),
    reviewKind: input.reviewKind,
    publicNote,
    correction: input.correction,
    ...checks,
  }
  const { check } = round
  const schedule = holdingDecision({ goLiveAt: input.goLiveAt, release, completes: check.completes, progress: check.progress.summary })
  if (!check.completes) {
    const review = await createReview(req, {
      ...record,
      decision: 'approved',
      comment,
      publishes: false,
      policySummary: check.progress.summary,
    })
    return { state: 'in_review', versionId: submitted.id, reviewId: review.id, contentHash: hash, signOff: check.progress }
  }
  // The record that completes the sign-off also keeps what the version's authors declared.
  record.disclosures = { ...checks.disclosures, authors: await authorDisclosures(req, facts.authors) }
  const counted = [...new Map(round.approvals.map((review) => [asCounted(review).reviewerId, review.id])).values()]
  const kind = signOffKind([...round.approvals.map((review) => review.reviewKind), input.reviewKind])
  // What readers are told: the sign-off's note and whether it corrects a mistake (src/workflow/change-log.ts).
  const told = signOffNote([
    ...round.approvals.map((review) => ({ correction: review.correction, note: review.publicNote })),
    { correction: input.correction, note: publicNote },
  ])
  const signed = { ...record, publicNote: told.note, correction: told.correction }
  if (release || schedule) {
    return holdSignOff(req, {
      user: actor,
      target,
      comment,
      record: signed,
      counted,
      kind,
      policy: round.policy,
      progress: check.progress,
      release,
      goLiveAt: schedule,
    })
  }
  return publishNow(ctx, locks, { submitted, hash, kind, record: signed, counted, check })
}

/** A minor change keeps the last full review's dates (never the first sign-off); a correction says what changed, and only of what readers saw. */
function whatReadersAreTold({ facts }: ActionContext, input: ApprovalInput): string | null {
  const previous = facts.doc.review as { lastReviewedAt?: string | null } | undefined
  const minorRefused = refuseMinor(input.reviewKind, { lastReviewedAt: previous?.lastReviewedAt, isLive: facts.isLive })
  if (minorRefused) throw new ApiError(409, minorRefused)
  const note = decideChangeNote({ correction: input.correction, note: input.changeNote })
  if (!note.ok) throw new ApiError(note.status, note.message)
  if (input.correction && !facts.isLive) throw new ApiError(409, 'Only live content can be corrected: readers have not seen this yet.')
  return note.note
}

async function submittedVersion({ req, target, facts }: ActionContext, shared: LockedShared): Promise<Submitted> {
  const submittedId = facts.reviewState?.submittedVersion
  const submitted = submittedId ? await findVersion(req, target.collection, submittedId) : null
  if (!submitted || submitted.parent !== target.id) throw new ApiError(409, 'The submitted version no longer exists.')
  if (REVIEWABLE[target.collection].shows.length > 0) assertShownAreLocked(submitted.content, shared)
  return submitted
}

/** In a release, a document is signed with the shared content that goes live with it. */
async function signingHash({ req, target }: ActionContext, submitted: Submitted, release: ReleaseRef | null): Promise<string> {
  const pending = release && REVIEWABLE[target.collection].shows.length > 0 ? await pendingSharedHashes(req, release.id) : undefined
  return hashOf(req, target.collection, submitted.content, true, pending)
}

/** This approval among the round's approvals of the same content, under the rules of its submission. */
async function countTowardsPolicy({ req, actor, target, facts }: ActionContext, submitted: Submitted, hash: string): Promise<Round> {
  const policy = await policyOfSubmission(req, target.collection, submitted.content, facts.reviewState)
  const eligible = await stillEligible(req, await approvalsOfRound(req, target.collection, target.id, facts.reviewState))
  const approvals = eligible.filter((review) => review.contentHash === hash)
  const candidate = { reviewerId: String(actor.id), specialties: actor.specialties ?? [], versionId: submitted.id, contentHash: hash }
  const check = checkApproval(policy, approvals.map(asCounted), candidate)
  if (!check.ok) throw new ApiError(check.status, check.message)
  return { policy, approvals, check }
}

type Publication = {
  submitted: Submitted
  hash: string
  kind: ReviewKind
  record: Omit<ReviewRecord, 'decision'>
  counted: number[]
  check: Round['check']
}

/** The completing approval of a version that waits for nothing: it becomes the live row now. */
async function publishNow(ctx: ActionContext, { settings }: ApprovalLocks, publication: Publication): Promise<ActionResult> {
  const { req, actor, target, facts, comment } = ctx
  const { submitted, hash, kind, record, counted, check } = publication
  const previous = facts.doc.review as { lastReviewedAt?: string | null; nextReviewDue?: string | null } | undefined
  // The page's dates are the approval record's own time.
  const dates = reviewDates({ kind, now: new Date(record.decidedAt), previous, intervalMonths: settings.intervalMonths })
  await asReviewWrite(req, () =>
    req.payload.update({
      collection: target.collection,
      id: target.id,
      data: {
        ...contentOf(submitted.content),
        _status: 'published',
        review: { reviewedBy: actor.id, ...dates, reviewKind: kind, approvedVersion: submitted.id, contentHash: hash },
      } as never,
      draft: false,
      overrideAccess: true,
      depth: 0,
      req,
    }),
  )
  const review = await createReview(req, {
    ...record,
    decision: 'approved',
    comment,
    publishes: true,
    approvalSet: counted,
    policySummary: check.progress.summary,
  })
  await saveReviewState(req, target.collection, target.id, {
    state: 'published',
    ...clearedSubmission,
    needsReReview: false,
    reReviewReason: null,
  })
  const { collection } = target
  const changedArticleSlugs = isShared(collection)
    ? await sharedContentChanged(req, collection, target.id, submitted.content.title, 'has a newly approved version')
    : undefined
  return {
    state: 'published',
    versionId: submitted.id,
    reviewId: review.id,
    contentHash: hash,
    slug: String(submitted.content.slug),
    topic: String(submitted.content.topic),
    changedArticleSlugs,
    signOff: check.progress,
  }
}
