// The release workflow: add and remove documents, submit, schedule, make live now, cancel, and
// the release as a reviewer sees it (every member's state). Each step runs in one transaction
// with the release's row locked; the pure rules in src/workflow/release.ts decide.
import type { PayloadRequest } from 'payload'
import type { Release, User } from '../../../payload-types'
import {
  decideAddMember,
  decideReleaseStep,
  type MemberStatus,
  releaseReadiness,
  type ReleaseState,
  type ReleaseStep,
  LOCK_ORDER,
  type ReviewableCollection,
  reviewersToAsk,
  sameReviewableContent,
} from '../../workflow'
import { rowsInRequest, sql } from '../../db/sql'
import { inTransaction, lockDocumentRow, lockDocumentRows } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import { readFacts, type Target } from '../data/facts'
import {
  heldSignOffOf,
  pendingSharedHashes,
  releaseHolding,
  SCHEDULE_QUEUE,
  type GoLiveOnScheduleInput,
  withdrawHeld,
} from '../data/held-sign-off'
import { findVersion, findReviewState } from '../data/repository'
import { performAction } from '../actions/perform-action'
import { hashOf } from '../data/sign-off-records'
import { goLive, inLockOrder } from './go-live'
import { everyReviewer, adminLink, notify, type Person } from '../../notifications/notify'
import { scheduleLeadSeconds } from '../../lib/server-env'

export type MemberView = {
  collection: ReviewableCollection
  id: string
  title: string
  /** The document's review state ("in_review", "approved", ...). */
  state: string
  /** In this release: waiting, approved, stale (saved again since its approval) or changed. */
  status: MemberStatus
  signedOffVersionId: string | null
  latestVersionId: string | null
  isLive: boolean
}

export type ReleaseView = {
  id: number
  name: string
  description: string | null
  state: ReleaseState
  goLiveAt: string | null
  wentLiveAt: string | null
  problem: string | null
  ready: boolean
  summary: string
  members: MemberView[]
}

function requireUser(req: PayloadRequest): User {
  const user = req.user as User | null
  if (!user) throw new ApiError(401, 'Log in to work on releases.')
  return user
}

async function loadRelease(req: PayloadRequest, id: string, lock: boolean): Promise<Release> {
  if (lock) await rowsInRequest(req, sql`select id from releases where id = ${Number(id)} for no key update`)
  const release = await req.payload.findByID({ collection: 'releases', id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!release) throw new ApiError(404, `There is no release with id ${id}.`)
  return release as Release
}

const membersOf = (release: Release): Target[] =>
  (release.members ?? []).map((m) => ({ collection: m.documentCollection, id: m.documentId }))

/** The release as reviewers see it: each member's state in it, and whether it is ready. */
export async function releaseView(req: PayloadRequest, id: string): Promise<ReleaseView> {
  const release = await loadRelease(req, id, false)
  const pending = await pendingSharedHashes(req, release.id)
  const members = []
  for (const target of membersOf(release)) {
    // A member deleted since (a never-reviewed draft an admin removed) shows as waiting.
    const facts = await readFacts(req, target).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    })
    const held = heldSignOffOf(facts?.reviewState)
    const signOff = held?.releaseId === release.id ? held : null
    const version = signOff ? await findVersion(req, target.collection, signOff.versionId) : null
    const currentHash = signOff && version ? await hashOf(req, target.collection, version.content, false, pending) : null
    members.push({
      ...target,
      title: String(facts?.latest?.content.title ?? facts?.doc.title ?? `#${target.id}`),
      state: facts?.state ?? 'draft',
      isLive: facts?.isLive ?? false,
      latestVersionId: facts?.latest?.id ?? null,
      signOff: signOff ? { versionId: signOff.versionId, contentHash: signOff.contentHash } : null,
      currentHash,
    })
  }
  const readiness = releaseReadiness(members)
  return {
    id: release.id,
    name: release.name,
    description: release.description ?? null,
    state: release.state,
    goLiveAt: release.goLiveAt ?? null,
    wentLiveAt: release.wentLiveAt ?? null,
    problem: release.problem ?? null,
    // A live release's members are published: their sign-offs are no longer held.
    ready: release.state === 'live' ? true : readiness.ready,
    summary: release.state === 'live' ? `${members.length} went live together` : readiness.summary,
    members: members.map(({ signOff, currentHash: _, ...member }, i) => ({
      ...member,
      status: release.state === 'live' ? 'approved' : readiness.members[i]!.status,
      signedOffVersionId: signOff?.versionId ?? null,
    })),
  }
}

export async function addMember(req: PayloadRequest, releaseId: string, candidate: Target): Promise<ReleaseView> {
  const user = requireUser(req)
  await inTransaction(req, async () => {
    const release = await loadRelease(req, releaseId, true)
    await lockDocumentRow(req, candidate.collection, candidate.id)
    const facts = await readFacts(req, candidate)
    const holder = await releaseHolding(req, candidate)
    const decision = decideAddMember({
      actorRoles: user.roles ?? [],
      releaseState: release.state,
      hasPendingVersion:
        !facts.isLive || (facts.latest !== null && !sameReviewableContent(candidate.collection, facts.latest.content, facts.doc)),
      members: membersOf(release),
      candidate,
      heldBy: holder && holder.id !== release.id ? holder.name : null,
    })
    if (!decision.ok) throw new ApiError(decision.status, decision.message)
    if (facts.reviewState?.goLiveAt) {
      throw new ApiError(409, 'This document is scheduled to go live on its own: cancel that schedule before adding it to a release.')
    }
    const title = String(facts.latest?.content.title ?? facts.doc.title ?? '')
    await saveRelease(req, release.id, {
      members: [...(release.members ?? []), { documentCollection: candidate.collection, documentId: candidate.id, documentTitle: title }],
    })
  })
  return releaseView(req, releaseId)
}

export async function removeMember(req: PayloadRequest, releaseId: string, member: Target): Promise<ReleaseView> {
  const user = requireUser(req)
  await inTransaction(req, async () => {
    const release = await loadRelease(req, releaseId, true)
    await decideStep(req, release, user, 'remove')
    const kept = (release.members ?? []).filter((m) => !(m.documentCollection === member.collection && m.documentId === member.id))
    if (kept.length === (release.members ?? []).length) throw new ApiError(404, 'That document is not in this release.')
    await withdrawHeld(req, member, release.id)
    await saveRelease(req, release.id, { members: kept })
  })
  return releaseView(req, releaseId)
}

/** Submits every member not yet in review (each is reviewed and approved on its own), and fixes the membership. */
export async function submitRelease(req: PayloadRequest, releaseId: string): Promise<ReleaseView> {
  const user = requireUser(req)
  await inTransaction(req, async () => {
    const release = await loadRelease(req, releaseId, true)
    await decideStep(req, release, user, 'submit')
    const authors: string[] = []
    for (const target of inLockOrder(membersOf(release))) {
      const reviewState = await findReviewState(req, target.collection, target.id)
      if (reviewState?.state !== 'in_review' && reviewState?.state !== 'approved') {
        await performAction(req, target, 'submit', {}, { tellPeople: false }).catch((error: unknown) => {
          if (!(error instanceof ApiError)) throw error
          const title = release.members?.find(
            (m) => m.documentCollection === target.collection && m.documentId === target.id,
          )?.documentTitle
          throw new ApiError(error.status, `"${title ?? `#${target.id}`}": ${error.message}`)
        })
      }
      authors.push(...(await readFacts(req, target)).authors)
    }
    await saveRelease(req, release.id, { state: 'submitted', submittedAt: new Date().toISOString(), problem: null })
    const people = reviewersToAsk(await everyReviewer(req), { assignees: [], authors: [...authors, String(user.id)] }) as Person[]
    const count = release.members?.length ?? 0
    await notify(req, [
      {
        kind: 'submitted',
        people,
        actor: { id: String(user.id), name: user.displayName },
        title: `the release "${release.name}" (${count} document${count === 1 ? '' : 's'})`,
        link: adminLink(`/collections/releases/${release.id}`),
        occasion: `release ${release.id} submitted ${new Date().toISOString()}`,
      },
    ])
  })
  return releaseView(req, releaseId)
}

/** A time schedules (or moves) the go-live; null unschedules. The pure rules check the time. */
export async function scheduleRelease(req: PayloadRequest, releaseId: string, at: unknown): Promise<ReleaseView> {
  const user = requireUser(req)
  await inTransaction(req, async () => {
    const release = await loadRelease(req, releaseId, true)
    if (at === null) {
      await decideStep(req, release, user, 'unschedule')
      await saveRelease(req, release.id, { state: 'submitted', goLiveAt: null, scheduledBy: null })
      return
    }
    // Members locked (shared) before readiness is read: a save cannot slip in between.
    for (const collection of LOCK_ORDER) {
      await lockDocumentRows(
        req,
        collection,
        membersOf(release)
          .filter((m) => m.collection === collection)
          .map((m) => m.id),
        'share',
      )
    }
    const when = await decideStep(req, release, user, 'schedule', at)
    if (!when) throw new Error('decideReleaseStep gave no time for a schedule')
    await saveRelease(req, release.id, { state: 'scheduled', goLiveAt: when.toISOString(), scheduledBy: user.id, problem: null })
    const input: GoLiveOnScheduleInput = { releaseId: release.id, at: when.toISOString() }
    await req.payload.jobs.queue({ task: 'goLiveOnSchedule', queue: SCHEDULE_QUEUE, input, waitUntil: when, req })
  })
  return releaseView(req, releaseId)
}

/** Every member live now, in one transaction (a reviewer, once every member is approved). */
export async function goLiveNow(req: PayloadRequest, releaseId: string): Promise<ReleaseView> {
  const user = requireUser(req)
  const release = await loadRelease(req, releaseId, false)
  await decideStep(req, release, user, 'go_live')
  await goLive(req, { members: membersOf(release), release: { id: release.id, name: release.name }, actor: user, plannedFor: null })
  return releaseView(req, releaseId)
}

/** Nothing of it goes live: the approved members go back to review, each in a new round. */
/** `reason`: what the release's page says; by default, who cancelled it. */
export async function cancelRelease(req: PayloadRequest, releaseId: string, reason: string | null): Promise<ReleaseView> {
  const user = requireUser(req)
  await inTransaction(req, async () => {
    const release = await loadRelease(req, releaseId, true)
    await decideStep(req, release, user, 'cancel')
    for (const target of inLockOrder(membersOf(release))) await withdrawHeld(req, target, release.id)
    const why = reason ?? `Cancelled by ${user.displayName}.`
    await saveRelease(req, release.id, { state: 'cancelled', cancelledAt: new Date().toISOString(), goLiveAt: null, problem: why })
  })
  return releaseView(req, releaseId)
}

async function decideStep(req: PayloadRequest, release: Release, user: User, step: ReleaseStep, at?: unknown): Promise<Date | undefined> {
  const view = step === 'schedule' ? await releaseView(req, String(release.id)) : undefined
  const decision = decideReleaseStep({
    step,
    actorRoles: user.roles ?? [],
    releaseState: release.state,
    memberCount: release.members?.length ?? 0,
    readiness: view,
    at,
    minLeadSeconds: scheduleLeadSeconds(),
    now: new Date(),
  })
  if (!decision.ok) throw new ApiError(decision.status, decision.message)
  return decision.at
}

export async function saveRelease(req: PayloadRequest, id: number, data: Partial<Release>) {
  await req.payload.update({ collection: 'releases', id, data: data as never, overrideAccess: true, depth: 0, req })
}
