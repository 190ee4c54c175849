// Everything the admin's review panel shows about one document, for one person.
import type { PayloadRequest } from 'payload'
import type { Review, User } from '../../../payload-types'
import { availableActions, relationIds, type ReviewableCollection, sameReviewableContent, summarizeChanges } from '../../workflow'
import { readFacts } from '../data/facts'
import { findPeople, findVersion, reviewHistory } from '../data/repository'
import { verifyPublished } from './verification'
import { relationId } from '../../lib/document-id'
import { signOffStatus } from '../data/sign-off-policy'
import { heldSignOffOf, releaseHolding } from '../data/held-sign-off'

export async function workflowStatus(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const user = req.user as User | null
  const { doc, reviewState, latest, approval, authors, isLive, state } = await readFacts(req, { collection, id })
  const reviewingId = reviewState?.submittedVersion ?? latest?.id ?? null
  const reviewing = reviewingId ? await findVersion(req, collection, reviewingId) : null
  const signOff = state === 'in_review' && reviewing ? await signOffStatus(req, collection, id, reviewState, reviewing) : null
  const held = heldSignOffOf(reviewState)
  const release = await releaseHolding(req, { collection, id })
  const facts = {
    actor: { id: String(user?.id ?? ''), roles: user?.roles ?? [] },
    state,
    isLive,
    latestVersionId: latest?.id ?? null,
    submittedVersionId: reviewState?.submittedVersion ?? null,
    authorsSinceApproval: authors,
    approvedThisRound: signOff?.approvedBy ?? [],
  }
  const live = approval ? await findVersion(req, collection, approval.versionId) : null
  const changes = reviewing ? summarizeChanges(collection, live?.content ?? null, reviewing.content) : null
  return {
    collection,
    id,
    state,
    reviewingVersionId: reviewingId,
    changes,
    relationTitles: changes ? await relationTitles(req, changes.relations) : {},
    compareUrl:
      reviewingId && approval && reviewingId !== approval.versionId
        ? `/admin/collections/${collection}/${id}/versions/${reviewingId}?versionFrom=${approval.versionId}`
        : null,
    isLive,
    /** A draft that says something else than the live version: it can be discarded. */
    hasUnapprovedDraft: Boolean(isLive && latest && !sameReviewableContent(collection, latest.content, doc)),
    latestVersionId: latest?.id ?? null,
    liveVersionId: approval?.versionId ?? null,
    submission: reviewState?.submittedVersion
      ? { versionId: reviewState.submittedVersion, by: reviewState.submittedBy, at: reviewState.submittedAt }
      : null,
    /** The reviewers the submission is assigned to (POST .../assign). */
    assignedTo: await assigneesOf(req, reviewState?.assignedTo ?? []),
    /** In review: the sign-off policy and how far the approvals are ("1 of 2 approvals; still needs: Obstetrics"). */
    signOff: signOff ? { ...signOff.progress, policy: signOff.policy } : null,
    /** The last full clinical review on record: without one, an approval cannot be a minor change. */
    lastFullReviewAt: (doc.review as { lastReviewedAt?: string | null } | undefined)?.lastReviewedAt ?? null,
    /** A scheduled retirement (POST .../schedule-retirement): when and why. */
    scheduledRetirement: reviewState?.retireAt ? { at: reviewState.retireAt, comment: reviewState.retireComment ?? null } : null,
    /** A sign-off that waits to go live: for its release, or for its own time (goLiveAt). */
    heldSignOff: held ? { versionId: held.versionId, signedOffAt: held.signedOffAt, goLiveAt: reviewState?.goLiveAt ?? null } : null,
    /** The unfinished release this document is in, if any. */
    release: release ? { id: release.id, name: release.name, state: release.state } : null,
    needsReReview: reviewState?.needsReReview ?? false,
    reReviewReason: reviewState?.reReviewReason ?? null,
    editedSinceApprovalByYou: authors.includes(facts.actor.id),
    availableActions: availableActions(facts),
    verification: isLive ? await verifyPublished(req, collection, id) : null,
    history: withSuperseded(await reviewHistory(req, collection, id), [...(signOff?.reviewIds ?? []), ...(held?.approvalIds ?? [])]),
  }
}

/** Titles of the tips and warnings named in a change summary, for the panel. */
async function relationTitles(req: PayloadRequest, relations: { field: 'tips' | 'warnings'; added: string[]; removed: string[] }[]) {
  const titles: Record<string, string> = {}
  for (const { field, added, removed } of relations) {
    const ids = relationIds([...added, ...removed])
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection: field,
      where: { id: { in: ids } },
      draft: true,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) titles[`${field}:${doc.id}`] = doc.title
  }
  return titles
}

/**
 * An approval that never made its version live and is not part of the round under way was
 * superseded (a save after submission, or changes requested, ended its round). The trail is
 * append-only, so this is derived when read, never written.
 */
function withSuperseded(history: Review[], currentRound: number[]) {
  // Approvals a go-live made live (its approval set) were not superseded either.
  const wentLive = history
    .filter((record) => record.decision === 'went_live')
    .flatMap((record) => (Array.isArray(record.approvalSet) ? record.approvalSet : []))
  const current = new Set([...currentRound, ...wentLive.map(Number)])
  return history.map((record) => ({
    ...record,
    superseded: record.decision === 'approved' && record.publishes === false && !current.has(record.id),
  }))
}

async function assigneesOf(req: PayloadRequest, assigned: (number | User)[]) {
  const ids = assigned.map((value) => relationId(value)!)
  return (await findPeople(req, ids, { displayName: true })).map((person) => ({ id: person.id, displayName: person.displayName }))
}
