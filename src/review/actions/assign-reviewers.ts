// POST /api/<collection>/:id/assign { reviewerIds }: asks these reviewers to review a
// submission (an empty list unassigns). Under the document's row lock, in one transaction,
// recorded in the audit log with who was assigned before and after.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { decideAssignment, nounOf } from '../../workflow'
import { relationId } from '../../lib/document-id'
import { inTransaction, lockDocumentRow } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import { readFacts, type Target } from '../data/facts'
import { findPeople, saveReviewState } from '../data/repository'
import { notifyAssigned } from './notices'

export async function assignReviewers(req: PayloadRequest, target: Target, reviewerIds: string[]) {
  const user = req.user as User | null
  if (!user) throw new ApiError(401, 'Log in to assign reviewers.')
  return inTransaction(req, async () => {
    await lockDocumentRow(req, target.collection, target.id)
    const facts = await readFacts(req, target)
    const people = await findPeople(req, reviewerIds, { displayName: true, roles: true })
    const found = new Map(people.map((person) => [String(person.id), person]))
    const missing = reviewerIds.find((id) => !found.has(id))
    if (missing) throw new ApiError(400, `There is no person with id ${missing}.`)
    const decision = decideAssignment({
      actor: { id: String(user.id), roles: user.roles ?? [] },
      state: facts.state,
      submittedBy: relationId(facts.reviewState?.submittedBy),
      assignees: reviewerIds.map((id) => ({ id, roles: found.get(id)!.roles ?? [], name: found.get(id)!.displayName })),
      authorsSinceApproval: facts.authors,
    })
    if (!decision.ok) throw new ApiError(decision.status, decision.message)
    const before = (facts.reviewState?.assignedTo ?? []).map((value) => relationId(value)!)
    await saveReviewState(req, target.collection, target.id, { assignedTo: reviewerIds.map(Number) })
    if (before.join(',') !== reviewerIds.join(',')) {
      await req.payload.create({
        collection: 'audit-log',
        data: {
          event: 'reviewers_assigned',
          summary: `${nounOf(target.collection)} ${target.id} ("${facts.reviewState?.documentTitle ?? ''}") assigned to ${
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
      title: facts.reviewState?.documentTitle ?? '',
      before,
      after: reviewerIds,
      actor: user,
      round: String(facts.reviewState?.submittedAt ?? facts.reviewState?.submittedVersion ?? ''),
    })
    return { assignedTo: reviewerIds.map((id) => ({ id: Number(id), displayName: found.get(id)!.displayName })) }
  })
}
