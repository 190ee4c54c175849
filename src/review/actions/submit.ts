// Submit: the latest version goes to the reviewers, under the sign-off rules that apply to it now
// (a later loosening of the rules never helps it through).
import { ApiError } from '../../http/errors'
import { saveReviewState } from '../data/repository'
import { policyOfContent } from '../data/sign-off-policy'
import type { ActionContext, ActionResult } from './types'

export async function submit({ req, actor, target, facts }: ActionContext): Promise<ActionResult> {
  if (!facts.latest) throw new ApiError(409, 'There is no saved version to submit.')
  const { id: versionId, content } = facts.latest
  await saveReviewState(req, target.collection, target.id, {
    state: 'in_review',
    documentTitle: String(content.title ?? ''),
    submittedVersion: versionId,
    submittedBy: actor.id,
    submittedAt: new Date().toISOString(),
    submittedPolicy: await policyOfContent(req, target.collection, content),
  })
  return { state: 'in_review', versionId }
}
