// Retire: the live version leaves the site at once (readers of a page get its tombstone, with the
// reason and, for a page, where the current advice is), and shared content leaves every page
// that shows it, which is flagged for re-review.
import { decideRetirementReason, isShared, REVIEWABLE } from '../../workflow'
import { ApiError } from '../../http/errors'
import type { Target } from '../data/facts'
import { createReview, findMainRow, saveReviewState } from '../data/repository'
import { asReviewWrite } from '../data/review-writes'
import { sharedContentChanged } from '../data/shared-content'
import { clearedSubmission, hashOf, reviewRecord } from '../data/sign-off-records'
import type { ActionContext, ActionResult } from './types'

export type RetirementInput = { replacement: string | null; reason: unknown }

/** A retired page may name the live document of the same collection that replaces it. */
async function liveReplacement(ctx: ActionContext, replacement: string | null): Promise<number | null> {
  const { req, target } = ctx
  if (replacement == null) return null
  const { hasPage, noun } = REVIEWABLE[target.collection]
  if (!hasPage) throw new ApiError(400, `This ${noun} has no page of its own, so nothing replaces it.`)
  if (replacement === target.id) throw new ApiError(400, `This ${noun} cannot replace itself.`)
  const live = await findMainRow(req, target.collection, replacement)
  if (!live || live._status !== 'published') throw new ApiError(400, `"replacement" must be a live ${noun} (its id).`)
  return live.id
}

export async function retire(ctx: ActionContext, input: RetirementInput): Promise<ActionResult> {
  const { req, actor, target, facts, comment } = ctx
  const reason = decideRetirementReason(input.reason)
  if (!reason.ok) throw new ApiError(reason.status, reason.message)
  const replacement = await liveReplacement(ctx, input.replacement)
  const hash = await hashOf(req, target.collection, facts.doc, false)
  await unpublish(ctx)
  const approved = facts.doc.review as { approvedVersion?: string | null } | undefined
  const versionId = approved?.approvedVersion ?? facts.latest?.id ?? ''
  const review = await createReview(req, {
    ...reviewRecord(actor, target, facts.doc.title, versionId, hash),
    decision: 'retired',
    comment,
    // What the retired page tells readers, and where it sends them (src/site/tombstones.ts).
    publicNote: reason.text,
    replacement,
  })
  await saveReviewState(req, target.collection, target.id, {
    state: 'retired',
    ...clearedSubmission,
    retireAt: null,
    retireComment: null,
    retireScheduledBy: null,
  })
  const { collection } = target
  const changedArticleSlugs = isShared(collection)
    ? await sharedContentChanged(req, collection, target.id, facts.doc.title, 'was retired')
    : undefined
  return { state: 'retired', versionId, reviewId: review.id, contentHash: hash, changedArticleSlugs }
}

async function unpublish({ req, target }: { req: ActionContext['req']; target: Target }) {
  await asReviewWrite(req, () =>
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
}
