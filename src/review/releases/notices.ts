// What releases and scheduled go-lives tell people: that it went live, or that it did not and
// why it needs them. Written in the transaction of the go-live or of its cancellation.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import type { ReviewableCollection } from '../../workflow'
import type { Facts, Target } from '../data/facts'
import { authorsSince } from '../data/repository'
import { relationId } from '../../lib/document-id'
import { adminLink, notify, type NotificationEvent, peopleById } from '../../notifications/notify'

type Went = { target: Target; facts: Facts; title: string }
type Plan = { release: { id: number; name: string } | null; actor: User; plannedFor: string | null }

const releaseLink = (id: number) => adminLink(`/collections/releases/${id}`)

/** The people who wrote the documents since their last approval, and who submitted them. */
function authorsOf(members: readonly Went[]): string[] {
  return members.flatMap(({ facts }) => [
    ...facts.authors,
    ...[relationId(facts.reviewState?.submittedBy)].filter((id): id is string => id !== null),
  ])
}

export async function notifyWentLive(req: PayloadRequest, plan: Plan, members: readonly Went[]): Promise<void> {
  const actor = { id: String(plan.actor.id), name: plan.actor.displayName }
  const occasion = `went live ${new Date().toISOString()}`
  if (plan.release) {
    const creator = await releaseCreator(req, plan.release.id)
    const people = await peopleById(req, [...authorsOf(members), ...(creator ? [creator] : [])])
    await notify(req, [
      { kind: 'went_live', people, actor, title: `the release "${plan.release.name}"`, link: releaseLink(plan.release.id), occasion },
    ])
    return
  }
  const events: NotificationEvent[] = []
  for (const member of members) {
    events.push({
      kind: 'went_live',
      people: await peopleById(req, authorsOf([member])),
      actor,
      document: { ...member.target, title: member.title },
      occasion,
    })
  }
  await notify(req, events)
}

/** A scheduled go-live that did not happen: the person who scheduled it, the release's creator, and the authors. */
export async function notifyGoLiveCancelled(
  req: PayloadRequest,
  what: { release: { id: number; name: string } | null; document: { collection: ReviewableCollection; id: string; title: string } | null },
  { scheduledBy, why, plannedFor }: { scheduledBy: string | null; why: string; plannedFor: string },
): Promise<void> {
  const ids = [...(scheduledBy ? [scheduledBy] : [])]
  if (what.release) {
    const creator = await releaseCreator(req, what.release.id)
    if (creator) ids.push(creator)
    for (const member of await releaseMemberTargets(req, what.release.id))
      ids.push(...(await authorsSince(req, member.collection, member.id, null)))
  }
  if (what.document) ids.push(...(await authorsSince(req, what.document.collection, what.document.id, null)))
  const detail = `Planned for ${plannedFor}: ${why}`
  const event: NotificationEvent = what.release
    ? {
        kind: 'go_live_cancelled',
        people: await peopleById(req, ids),
        title: `the release "${what.release.name}"`,
        link: releaseLink(what.release.id),
        occasion: `cancelled ${plannedFor}`,
        detail,
      }
    : {
        kind: 'go_live_cancelled',
        people: await peopleById(req, ids),
        document: what.document,
        occasion: `cancelled ${plannedFor}`,
        detail,
      }
  await notify(req, [event])
}

async function releaseCreator(req: PayloadRequest, id: number): Promise<string | null> {
  const release = await req.payload.findByID({
    collection: 'releases',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { createdBy: true },
  })
  return relationId(release?.createdBy)
}

async function releaseMemberTargets(req: PayloadRequest, id: number): Promise<Target[]> {
  const release = await req.payload.findByID({
    collection: 'releases',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { members: true },
  })
  return (release?.members ?? []).map((member) => ({ collection: member.documentCollection, id: member.documentId }))
}
