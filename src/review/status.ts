// Everything the admin's review panel shows about one document, for one person.
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types'
import { availableActions, type ReviewableCollection, type State } from '../workflow'
import { WorkflowError } from './errors'
import { authorsSince, findMainRow, findWorkflow, lastApproval, latestVersion, reviewHistory } from './repository'
import { verifyPublished } from './verification'

export async function workflowStatus(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const user = req.user as User | null
  const doc = await findMainRow(req, collection, id)
  if (!doc) throw new WorkflowError(404, `There is no ${collection.slice(0, -1)} with id ${id}.`)
  const workflow = await findWorkflow(req, collection, id)
  const latest = await latestVersion(req, collection, id)
  const approval = await lastApproval(req, collection, id)
  const authors = await authorsSince(req, collection, id, approval?.decidedAt ?? null)
  const isLive = doc._status === 'published'
  const state: State = (workflow?.state as State | undefined) ?? (isLive ? 'published' : 'draft')
  const facts = {
    actor: { id: String(user?.id ?? ''), roles: user?.roles ?? [] },
    state,
    isLive,
    latestVersionId: latest?.id ?? null,
    submittedVersionId: workflow?.submittedVersion ?? null,
    authorsSinceApproval: authors,
  }
  return {
    collection,
    id,
    state,
    isLive,
    latestVersionId: latest?.id ?? null,
    liveVersionId: approval?.versionId ?? null,
    submission: workflow?.submittedVersion
      ? { versionId: workflow.submittedVersion, by: workflow.submittedBy, at: workflow.submittedAt }
      : null,
    needsReReview: workflow?.needsReReview ?? false,
    reReviewReason: workflow?.reReviewReason ?? null,
    editedSinceApprovalByYou: authors.includes(facts.actor.id),
    availableActions: availableActions(facts),
    verification: isLive ? await verifyPublished(req, collection, id) : null,
    history: await reviewHistory(req, collection, id),
  }
}
