// The review workflow's actions (submit, request changes, approve, retire), as one transaction
// each: take the locks in the one order, read the facts, let the pure rules decide (src/workflow/decide.ts),
// apply the action (one file each), record who to tell and which pages expire; after the
// commit, expire them everywhere before answering.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { type Action, decide } from '../../workflow'
import { expireContent } from '../../cache/content-tags'
import { publishExpiry, recordExpiry } from '../../cache/expiry-outbox'
import { refreshProxy } from '../../cache/proxy-refresh'
import { inTransaction, lockDocumentRow } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import { approvalSettings } from '../data/approval-settings'
import { type Facts, readFacts, type Target } from '../data/facts'
import { lockSharedContentOfSubmission } from '../data/shared-content'
import { approve, type ApprovalInput, type ApprovalLocks } from './approve'
import { actorOf } from './approver-standing'
import { notifyOfAction } from './notices'
import { readerImpactOf } from './reader-impact'
import { requestChanges } from './request-changes'
import { retire } from './retire'
import { submit } from './submit'
import type { ActionContext, ActionInput, ActionResult } from './types'

export type { ActionInput, ActionResult } from './types'

export async function performAction(
  req: PayloadRequest,
  target: Target,
  action: Action,
  input: ActionInput,
  { tellPeople = true }: { tellPeople?: boolean } = {},
): Promise<ActionResult> {
  const user = req.user as (User & { collection: 'users' }) | null
  if (!user) throw new ApiError(401, 'Log in to take review actions.')
  const { result, expire, pages, outboxId } = await inTransaction(req, async () => {
    // The lock order: what an approval locks first (the review policy's row, the shared content
    // the version shows), then the document.
    const act = action === 'approve' ? await approvalOf(req, target, input) : (ctx: ActionContext) => OTHER_ACTIONS[action](ctx, input)
    await lockDocumentRow(req, target.collection, target.id)
    const facts = await readFacts(req, target)
    refuseUnlessDecided(user, action, facts, input)
    const ctx: ActionContext = { req, actor: await actorOf(req, user), target, facts, comment: input.comment?.trim() || null }
    const result = await act(ctx)
    if (tellPeople) await notifyOfAction({ req, target, action, facts, result, actor: user })
    const impact = readerImpactOf(target, action, facts, result)
    // In the same transaction: an expiry that is committed cannot be lost (src/cache/expiry-outbox.ts).
    return { result, ...impact, outboxId: await recordExpiry(req, impact.expire) }
  })
  // After the commit, so no reader request can re-cache the old content in between; before
  // the response, so every instance's next request sees it.
  if (expire.length > 0) await publishExpiry(req.payload, outboxId, expire, expireContent)
  refreshProxy(pages)
  return result
}

function refuseUnlessDecided(user: User, action: Action, facts: Facts, input: ActionInput) {
  const decision = decide({
    action,
    actor: { id: String(user.id), roles: user.roles ?? [] },
    state: facts.state,
    isLive: facts.isLive,
    latestVersionId: facts.latest?.id ?? null,
    submittedVersionId: facts.reviewState?.submittedVersion ?? null,
    requestedVersionId: input.versionId == null ? null : String(input.versionId),
    comment: input.comment,
    authorsSinceApproval: facts.authors,
  })
  if (!decision.ok) throw new ApiError(decision.status, decision.message)
}

type Act = (ctx: ActionContext) => Promise<ActionResult>

const OTHER_ACTIONS: Record<Exclude<Action, 'approve'>, (ctx: ActionContext, input: ActionInput) => Promise<ActionResult>> = {
  submit: (ctx) => submit(ctx),
  request_changes: (ctx) => requestChanges(ctx),
  retire: (ctx, input) => retire(ctx, { replacement: input.replacement ?? null, reason: input.retirementReason ?? null }),
}

/** An approval, with what it locks before the document (src/review/data/review-intervals.ts, src/review/data/shared-content.ts). */
async function approvalOf(req: PayloadRequest, target: Target, input: ActionInput): Promise<Act> {
  const locks: ApprovalLocks = {
    settings: await approvalSettings(req, target.collection),
    shared: await lockSharedContentOfSubmission(req, target),
  }
  const approval: ApprovalInput = {
    reviewKind: input.reviewKind ?? 'full',
    goLiveAt: input.goLiveAt ?? null,
    changeNote: input.changeNote ?? null,
    correction: input.correction === true,
    answers: { evidenceChecked: input.evidenceChecked, readingLevelAcknowledged: input.readingLevelAcknowledged },
  }
  return (ctx) => approve(ctx, locks, approval)
}
