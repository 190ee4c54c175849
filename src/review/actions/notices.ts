// What the review workflow tells people, decided in the transaction of each action (so a
// notification exists exactly when its action committed). The mail itself is a job.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { type Action, reviewersToAsk } from '../../workflow'
import type { Facts, Target } from '../data/facts'
import type { ActionResult } from './types'
import { authorsSince } from '../data/repository'
import { relationId } from '../../lib/document-id'
import { everyReviewer, notify, type NotificationEvent, peopleById, type Person } from '../../notifications/notify'

type ActionEvent = { req: PayloadRequest; target: Target; action: Action; facts: Facts; result: ActionResult; actor: User }

export async function notifyOfAction({ req, target, action, facts, result, actor }: ActionEvent): Promise<void> {
  const title = String(facts.latest?.content.title ?? facts.doc.title ?? '')
  const document = { ...target, title }
  const who = { id: String(actor.id), name: actor.displayName }
  const submitter = relationId(facts.reviewState?.submittedBy)
  const authorsOfRound = async () => peopleById(req, [...facts.authors, ...(submitter ? [submitter] : [])])
  const event = (kind: NotificationEvent['kind'], people: Person[], occasion: string, detail?: string | null): NotificationEvent => ({
    kind,
    people,
    actor: who,
    document,
    occasion,
    detail,
  })
  switch (action) {
    case 'submit': {
      // A resubmission keeps its assignees (an edit does not unassign): them, else every reviewer who may approve it.
      const assignees = (facts.reviewState?.assignedTo ?? []).map((value) => relationId(value)!)
      const people = reviewersToAsk(await everyReviewer(req), { assignees, authors: [...facts.authors, who.id] }) as Person[]
      await notify(req, [event('submitted', people, `submitted ${result.versionId} ${new Date().toISOString()}`)])
      return
    }
    case 'request_changes':
      await notify(req, [
        event('changes_requested', await authorsOfRound(), `review ${result.reviewId}`, 'Read the comments in the review panel.'),
      ])
      return
    case 'approve':
      if (result.state !== 'published') return
      await notify(req, [event('approved', await authorsOfRound(), `review ${result.reviewId}`, result.signOff?.summary ?? null)])
      return
    case 'retire': {
      const everyAuthor = await authorsSince(req, target.collection, target.id, null)
      await notify(req, [event('retired', await peopleById(req, everyAuthor), `review ${result.reviewId}`)])
      return
    }
  }
}

/** Reviewers newly asked to review a submission (those already asked are not told again). */
export async function notifyAssigned(
  req: PayloadRequest,
  {
    target,
    title,
    before,
    after,
    actor,
    round,
  }: { target: Target; title: string; before: string[]; after: string[]; actor: User; round: string },
): Promise<void> {
  const added = after.filter((id) => !before.includes(id))
  if (added.length === 0) return
  await notify(req, [
    {
      kind: 'assigned',
      people: await peopleById(req, added),
      actor: { id: String(actor.id), name: actor.displayName },
      document: { ...target, title },
      occasion: `assigned ${round}`,
    },
  ])
}
