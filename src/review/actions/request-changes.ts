// Request changes: the reviewer's comment goes on the trail, bound to the version they read, and
// the document goes back to its editors.
import { ApiError } from '../../http/errors'
import { clearedSubmission, hashOf, reviewRecord } from '../data/sign-off-records'
import { createReview, saveReviewState } from '../data/repository'
import type { ActionContext, ActionResult } from './types'

export async function requestChanges({ req, actor, target, facts, comment }: ActionContext): Promise<ActionResult> {
  if (!facts.latest) throw new ApiError(409, 'There is no saved version to review.')
  const { id: versionId, content } = facts.latest
  const hash = await hashOf(req, target.collection, content, false)
  const review = await createReview(req, {
    ...reviewRecord(actor, target, content.title, versionId, hash),
    decision: 'changes_requested',
    comment,
  })
  await saveReviewState(req, target.collection, target.id, { state: 'changes_requested', ...clearedSubmission })
  return { state: 'changes_requested', versionId, reviewId: review.id, contentHash: hash }
}
