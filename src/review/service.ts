// The review workflow's operations. Each runs in one transaction with the
// document's row locked: load the facts, let the pure rules decide, apply the effect.
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types'
import {
  type Action,
  type ReviewableCollection,
  type State,
  approvalHold,
  CONTROLLED_AUTHOR_MESSAGE,
  controlsAnAuthor,
  checkApproval,
  decide,
  registrationRefusal,
  type PolicyProgress,
  refuseMinor,
  reviewDates,
  type ReviewKind,
  signOffKind,
  decideChangeNote,
  decideRetirementReason,
  signOffNote,
} from '../workflow'
import { expireContent } from '../lib/content-tags'
import { readerImpact } from './reader-impact'
import { publishExpiry, recordExpiry } from '../cache/expiry-outbox'
import { refreshProxy } from '../lib/proxy-refresh'
import { inTransaction, lockDocumentRow } from './database'
import { type Facts, notFound, readFacts, type Target } from './facts'
import { WorkflowError } from './errors'
import { createReview, findMainRow, findVersion, saveWorkflow } from './repository'
import { clearedSubmission, contentOf, hashOf, reviewRecord } from './sign-off-records'
import { assertShownAreLocked, type LockedShared, lockSharedContentOfSubmission, sharedContentChanged } from './shared-content'
import { asWorkflow } from './write-context'
import { approvalsOfRound, asCounted, policyOfContent, policyOfSubmission, stillEligible } from './sign-off-policy'
import { controllingEventsBy, holdingEventsSince } from '../accounts/audit'
import { accountHoldHours } from '../lib/server-env'
import { notifyOfAction } from '../notifications/workflow-events'
import { holdingDecision, holdSignOff, pendingSharedHashes, releaseHolding } from './held-sign-off'
import { approvalSettings, type ApprovalSettings } from './approval-settings'
import { approvalChecks, type ApprovalAnswers, authorDisclosures } from './approval-checks'


export type ActionInput = {
  versionId?: string | null
  comment?: string | null
  reviewKind?: ReviewKind | null
  /** Approvals: hold the sign-off and make the version live at this time (ISO 8601 with its zone). */
  goLiveAt?: string | null
  /** Approvals: what readers are told changed (required for a correction). */
  changeNote?: string | null
  /** Approvals: this change corrects a mistake readers saw. */
  correction?: boolean | null
  /** Approvals of articles: the reviewer checked the evidence this version cites (required). */
  evidenceChecked?: boolean | null
  /** Approvals: the reviewer accepts a reading age above the collection's target. */
  readingLevelAcknowledged?: boolean | null
  /** Retirements of articles: the live article readers are sent to instead. */
  replacement?: string | null
  /** Retirements of articles: why, as the tombstone says it (one of change-log.ts RETIREMENT_REASONS, checked there). */
  retirementReason?: unknown
}
export type ActionResult = {
  state: State
  versionId: string | null
  reviewId?: number
  contentHash?: string
  /** The live slug after the action, when it changed what readers see. */
  slug?: string
  /** The live topic after the action, likewise. */
  topic?: string
  /** For a tip or warning: the live articles that show it, whose pages changed with it. */
  changedArticleSlugs?: string[]
  /** After an approval: how far the version is towards its sign-off policy. */
  signOff?: PolicyProgress
  /** A completed sign-off that waits: for its release, or for its scheduled time. */
  held?: { releaseId: number | null; releaseName: string | null; goLiveAt: string | null }
}

/** A retired article may name the live article that replaces it. */
async function liveReplacement(req: PayloadRequest, target: Target, replacement: string | null): Promise<number | null> {
  if (replacement == null) return null
  if (target.collection !== 'articles') throw new WorkflowError(400, 'Only an article names a replacement: another article.')
  if (replacement === target.id) throw new WorkflowError(400, 'An article cannot replace itself.')
  const live = await findMainRow(req, 'articles', replacement)
  if (!live || live._status !== 'published') throw new WorkflowError(400, '"replacement" must be a live article (its id).')
  return live.id
}

const NOTHING_LOCKED: LockedShared = { tips: new Set(), warnings: new Set() }

/**
 * The facts, read after taking the document's row lock (so they cannot change under us).
 * An article's approval first locks the tips and warnings it shows (shared-content.ts).
 */
async function loadFacts(req: PayloadRequest, target: Target, action: Action): Promise<{ facts: Facts; shared: LockedShared }> {
  const shared =
    target.collection === 'articles' && action === 'approve' ? await lockSharedContentOfSubmission(req, target.id) : NOTHING_LOCKED
  await lockDocumentRow(req, target.collection, target.id)
  return { facts: await readFacts(req, target), shared }
}

export async function performAction(
  req: PayloadRequest,
  target: Target,
  action: Action,
  input: ActionInput,
  { tellPeople = true }: { tellPeople?: boolean } = {},
): Promise<ActionResult> {
  const user = req.user as (User & { collection: 'users' }) | null
  if (!user) throw new WorkflowError(401, 'Log in to take review actions.')
  const { result, expire, pages, outboxId } = await inTransaction(req, async () => {
      // Before any row lock: see review-intervals.ts for the lock order.
      const settings = action === 'approve' ? await approvalSettings(req, target.collection) : null
      const { facts, shared } = await loadFacts(req, target, action)
      const decision = decide({
        action,
        actor: { id: String(user.id), roles: user.roles ?? [] },
        state: facts.state,
        isLive: facts.isLive,
        latestVersionId: facts.latest?.id ?? null,
        submittedVersionId: facts.workflow?.submittedVersion ?? null,
        requestedVersionId: input.versionId == null ? null : String(input.versionId),
        comment: input.comment,
        authorsSinceApproval: facts.authors,
      })
      if (!decision.ok) throw new WorkflowError(decision.status, decision.message)
      const reviewer = { ...user, registrations: await registrationsOf(req, user.id) }
      if (action === 'approve') {
        await refuseHeldAccount(req, user, facts.authors)
        const lapsed = registrationRefusal(reviewer.registrations, new Date())
        if (lapsed) throw new WorkflowError(403, lapsed)
      }
      const result = await EFFECTS[action]({
        req,
        user: reviewer,
        target,
        facts,
        shared,
        comment: input.comment?.trim() || null,
        reviewKind: input.reviewKind ?? 'full',
        goLiveAt: input.goLiveAt ?? null,
        changeNote: input.changeNote ?? null,
        correction: input.correction === true,
        settings,
        answers: { evidenceChecked: input.evidenceChecked, readingLevelAcknowledged: input.readingLevelAcknowledged },
        replacement: input.replacement ?? null,
        retirementReason: input.retirementReason ?? null,
      })
      if (tellPeople) await notifyOfAction({ req, target, action, facts, result, actor: user })
      const impact = impactOf(target, action, facts, result)
      // In the same transaction: an expiry that is committed cannot be lost (expiry-outbox.ts).
      return { result, ...impact, outboxId: await recordExpiry(req, impact.expire) }
  })
  // After the commit, so no reader request can re-cache the old content in between; before
  // the response, so every instance's next request sees it.
  if (expire.length > 0) await publishExpiry(req.payload, outboxId, expire, expireContent)
  refreshProxy(pages)
  return result
}

/**
 * An account someone else just set up or changed may not approve yet, and nobody approves
 * what an account they control wrote (account-hold.ts).
 */
async function refuseHeldAccount(req: PayloadRequest, user: User, authors: string[]) {
  if (controlsAnAuthor(String(user.id), await controllingEventsBy(req, user.id, authors))) {
    throw new WorkflowError(403, CONTROLLED_AUTHOR_MESSAGE)
  }
  const hours = accountHoldHours()
  if (hours <= 0) return
  const now = new Date()
  const events = await holdingEventsSince(req, user.id, new Date(now.getTime() - hours * 3_600_000))
  const hold = approvalHold(String(user.id), events, now, hours)
  if (hold.held) throw new WorkflowError(403, hold.message)
}

/** The person's registrations as stored (field access hides them from some readers of req.user). */
async function registrationsOf(req: PayloadRequest, id: number) {
  const person = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req, select: { registrations: true } })
  return (person?.registrations ?? []).map(({ body, number, validUntil }) => ({ body, number, validUntil }))
}

/** The cache tags and public pages an action changed (reader-impact.ts). */
function impactOf(target: Target, action: Action, facts: Facts, result: ActionResult) {
  const changedWhatReadersSee = action === 'retire' || (action === 'approve' && result.state === 'published')
  if (!changedWhatReadersSee) return { expire: [], pages: [] }
  if (target.collection !== 'articles') return readerImpact({ shared: true, slugs: result.changedArticleSlugs ?? [], topics: [] })
  return readerImpact({ shared: false, slugs: [facts.doc.slug, result.slug], topics: [facts.doc.topic, result.topic] })
}

type EffectArgs = {
  req: PayloadRequest
  user: User
  target: Target
  facts: Facts
  shared: LockedShared
  comment: string | null
  /** Approvals: a full clinical review (the default) or a minor change (review-kind.ts). */
  reviewKind: ReviewKind
  goLiveAt: string | null
  changeNote: string | null
  correction: boolean
  /** Approvals: the review policy for the collection (interval, evidence, plain language), read before the row locks. */
  settings: ApprovalSettings | null
  answers: ApprovalAnswers
  replacement: string | null
  retirementReason: unknown
}

const EFFECTS: Record<Action, (args: EffectArgs) => Promise<ActionResult>> = {
  async submit({ req, user, target, facts }) {
    const versionId = facts.latest!.id
    await saveWorkflow(req, target.collection, target.id, {
      state: 'in_review',
      documentTitle: String(facts.latest!.content.title ?? ''),
      submittedVersion: versionId,
      submittedBy: user.id,
      submittedAt: new Date().toISOString(),
      submittedPolicy: await policyOfContent(req, target.collection, facts.latest!.content),
    })
    return { state: 'in_review', versionId }
  },

  async request_changes({ req, user, target, facts, comment }) {
    const { id: versionId, content } = facts.latest!
    const hash = await hashOf(req, target.collection, content, false)
    const review = await createReview(req, {
      ...reviewRecord(user, target, content.title, versionId, hash),
      decision: 'changes_requested',
      comment,
    })
    await saveWorkflow(req, target.collection, target.id, { state: 'changes_requested', ...clearedSubmission })
    return { state: 'changes_requested', versionId, reviewId: review.id, contentHash: hash }
  },

  async approve({ req, user, target, facts, shared, comment, reviewKind, goLiveAt, changeNote, correction, settings: policySettings, answers }) {
    const settings = policySettings!
    const previous = facts.doc.review as { lastReviewedAt?: string | null; nextReviewDue?: string | null } | undefined
    const minorRefused = refuseMinor(reviewKind, { lastReviewedAt: previous?.lastReviewedAt, isLive: facts.isLive })
    if (minorRefused) throw new WorkflowError(409, minorRefused)
    const note = decideChangeNote({ correction, note: changeNote })
    if (!note.ok) throw new WorkflowError(note.status, note.message)
    if (correction && !facts.isLive) throw new WorkflowError(409, 'Only live content can be corrected: readers have not seen this yet.')
    const submitted = await findVersion(req, target.collection, facts.workflow!.submittedVersion!)
    if (!submitted || submitted.parent !== target.id) throw new WorkflowError(409, 'The submitted version no longer exists.')
    if (target.collection === 'articles') assertShownAreLocked(submitted.content, shared)
    // In a release, an article is signed with the tips and warnings that go live with it.
    const release = await releaseHolding(req, target)
    const pending = release && target.collection === 'articles' ? await pendingSharedHashes(req, release.id) : undefined
    const hash = await hashOf(req, target.collection, submitted.content, true, pending)
    // Each approval counts towards the version's sign-off policy; the one that completes it
    // makes the version live, in this transaction.
    const policy = await policyOfSubmission(req, target.collection, submitted.content, facts.workflow)
    const round = (await stillEligible(req, await approvalsOfRound(req, target.collection, target.id, facts.workflow))).filter(
      (review) => review.contentHash === hash,
    )
    const candidate = { reviewerId: String(user.id), specialties: user.specialties ?? [], versionId: submitted.id, contentHash: hash }
    const check = checkApproval(policy, round.map(asCounted), candidate)
    if (!check.ok) throw new WorkflowError(check.status, check.message)
    // Who may approve is settled first; then what this reviewer confirms about the version.
    const checks = await approvalChecks(req, { collection: target.collection, content: submitted.content, settings, answers, approver: user })
    const record = { ...reviewRecord(user, target, submitted.content.title, submitted.id, hash), reviewKind, publicNote: note.note, correction, ...checks }
    const schedule = holdingDecision({ goLiveAt, release, completes: check.completes, progress: check.progress.summary })
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
    const counted = [...new Map(round.map((review) => [asCounted(review).reviewerId, review.id])).values()]
    // The record that completes the sign-off also keeps what the version's authors declared.
    record.disclosures = { ...checks.disclosures, authors: await authorDisclosures(req, facts.authors) }
    const kind = signOffKind([...round.map((review) => review.reviewKind), reviewKind])
    // What readers are told: the sign-off's note and whether it corrects a mistake (change-log.ts).
    const told = signOffNote([...round.map((review) => ({ correction: review.correction, note: review.publicNote })), { correction, note: note.note }])
    if (release || schedule) {
      return holdSignOff(req, { user, target, comment, record: { ...record, publicNote: told.note, correction: told.correction }, counted, kind, policy, progress: check.progress, release, goLiveAt: schedule })
    }
    // The page's dates are the approval record's own time.
    const dates = reviewDates({ kind, now: new Date(record.decidedAt), previous, intervalMonths: settings.intervalMonths })
    await asWorkflow(req, () =>
      req.payload.update({
        collection: target.collection,
        id: target.id,
        data: {
          ...contentOf(submitted.content),
          _status: 'published',
          review: {
            reviewedBy: user.id,
            ...dates,
            reviewKind: kind,
            approvedVersion: submitted.id,
            contentHash: hash,
          },
        } as never,
        draft: false,
        overrideAccess: true,
        depth: 0,
        req,
      }),
    )
    const review = await createReview(req, {
      ...record,
      // The record that makes it live carries the sign-off's public note.
      publicNote: told.note,
      correction: told.correction,
      decision: 'approved',
      comment,
      publishes: true,
      approvalSet: counted,
      policySummary: check.progress.summary,
    })
    await saveWorkflow(req, target.collection, target.id, {
      state: 'published',
      ...clearedSubmission,
      needsReReview: false,
      reReviewReason: null,
    })
    const changedArticleSlugs =
      target.collection === 'articles'
        ? undefined
        : await sharedContentChanged(req, target.collection, target.id, submitted.content.title, 'has a newly approved version')
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
  },

  async retire({ req, user, target, facts, comment, replacement, retirementReason }) {
    const reason = decideRetirementReason(retirementReason)
    if (!reason.ok) throw new WorkflowError(reason.status, reason.message)
    const replacementId = await liveReplacement(req, target, replacement)
    const hash = await hashOf(req, target.collection, facts.doc, false)
    await asWorkflow(req, () =>
      req.payload.update({
        collection: target.collection,
        id: target.id,
        data: { _status: 'draft' } as never,
        draft: false,
        overrideAccess: true,
        depth: 0,
        req,
      }),
    )
    const approved = facts.doc.review as { approvedVersion?: string | null } | undefined
    const versionId = approved?.approvedVersion ?? facts.latest?.id ?? ''
    const review = await createReview(req, {
      ...reviewRecord(user, target, facts.doc.title, versionId, hash),
      decision: 'retired',
      comment,
      // What the retired page tells readers, and where it sends them (src/lib/tombstones.ts).
      publicNote: reason.text,
      replacement: replacementId,
    })
    await saveWorkflow(req, target.collection, target.id, {
      state: 'retired',
      ...clearedSubmission,
      retireAt: null,
      retireComment: null,
      retireScheduledBy: null,
    })
    const changedArticleSlugs =
      target.collection === 'articles' ? undefined : await sharedContentChanged(req, target.collection, target.id, facts.doc.title, 'was retired')
    return { state: 'retired', versionId, reviewId: review.id, contentHash: hash, changedArticleSlugs }
  },
}
