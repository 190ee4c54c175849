// POST /api/<collection>/:id/assign { reviewerIds }: asks these reviewers to review a
// submission (an empty list unassigns). Under the document's row lock, in one transaction,
// recorded in the audit log with who was assigned before and after.
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types'
import { decideAssignment, MAX_ASSIGNEES } from '../workflow'
import { canonicalId, relationId } from '../lib/document-id'
import { inTransaction, lockDocumentRow } from './database'
import { WorkflowError } from './errors'
import { readFacts, type Target } from './facts'
import { findPeople, saveWorkflow } from './repository'
import { readJsonObject } from './request-body'
import { notifyAssigned } from '../notifications/workflow-events'

/** `{ "reviewerIds": [1, "2"] }` as canonical ids, or a 400. */
export async function readAssignees(req: PayloadRequest): Promise<string[]> {
  const body = await readJsonObject(req, '{ "reviewerIds": [ ... ] }')
  const ids = body.reviewerIds
  if (!Array.isArray(ids)) throw new WorkflowError(400, 'Name the reviewers: { "reviewerIds": [ ... ] } (an empty list unassigns).')
  if (ids.length > MAX_ASSIGNEES) throw new WorkflowError(400, `Assign at most ${MAX_ASSIGNEES} reviewers.`)
  const canonical = ids.map((id) => canonicalId(id))
  if (canonical.some((id) => id === null)) throw new WorkflowError(400, '"reviewerIds" must be people’s ids.')
  return [...new Set(canonical as string[])]
}

export async function assignReviewers(req: PayloadRequest, target: Target, reviewerIds: string[]) {
  const user = req.user as User | null
  if (!user) throw new WorkflowError(401, 'Log in to assign reviewers.')
  return inTransaction(req, async () => {
    await lockDocumentRow(req, target.collection, target.id)
    const facts = await readFacts(req, target)
    const people = await findPeople(req, reviewerIds, { displayName: true, roles: true })
    const found = new Map(people.map((person) => [String(person.id), person]))
    const missing = reviewerIds.find((id) => !found.has(id))
    if (missing) throw new WorkflowError(400, `There is no person with id ${missing}.`)
    const decision = decideAssignment({
      actor: { id: String(user.id), roles: user.roles ?? [] },
      state: facts.state,
      submittedBy: relationId(facts.workflow?.submittedBy),
      assignees: reviewerIds.map((id) => ({ id, roles: found.get(id)!.roles ?? [], name: found.get(id)!.displayName })),
      authorsSinceApproval: facts.authors,
    })
    if (!decision.ok) throw new WorkflowError(decision.status, decision.message)
    const before = (facts.workflow?.assignedTo ?? []).map((value) => relationId(value)!)
    await saveWorkflow(req, target.collection, target.id, { assignedTo: reviewerIds.map(Number) })
    if (before.join(',') !== reviewerIds.join(',')) {
      await req.payload.create({
        collection: 'audit-log',
        data: {
          event: 'reviewers_assigned',
          summary: `${target.collection.slice(0, -1)} ${target.id} ("${facts.workflow?.documentTitle ?? ''}") assigned to ${
            reviewerIds.map((id) => found.get(id)!.displayName).join(', ') || 'nobody'
          }, by ${user.displayName}`,
          actor: user.id,
          actorName: user.displayName,
          before: { document: `${target.collection}:${target.id}`, reviewerIds: before },
          after: { document: `${target.collection}:${target.id}`, reviewerIds },
          at: new Date().toISOString(),
        },
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    await notifyAssigned(req, {
      target,
      title: facts.workflow?.documentTitle ?? '',
      before,
      after: reviewerIds,
      actor: user,
      round: String(facts.workflow?.submittedAt ?? facts.workflow?.submittedVersion ?? ''),
    })
    return { assignedTo: reviewerIds.map((id) => ({ id: Number(id), displayName: found.get(id)!.displayName })) }
  })
}
