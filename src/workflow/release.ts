// Releases: several pending versions that go live together, or not at all; and the scheduled
// go-live of one approved version. When a release is ready, who may take each step on it, and
// whether a held sign-off may still go live. Pure rules (no Payload, no I/O).
import type { ReviewableCollection } from './reviewable'
import { checkScheduledTime } from './scheduled-time'

/**
 * open: members may be added and removed; submitted: members are under review (and may be
 * removed); scheduled: ready, and goes live at its time; live and cancelled are final.
 */
export const RELEASE_STATES = ['open', 'submitted', 'scheduled', 'live', 'cancelled'] as const
export type ReleaseState = (typeof RELEASE_STATES)[number]
export const RELEASE_STATE_LABEL: Record<ReleaseState, string> = {
  open: 'Open',
  submitted: 'Submitted for review',
  scheduled: 'Scheduled',
  live: 'Live',
  cancelled: 'Cancelled',
}
/** A release in one of these states holds its members: their sign-offs wait for it. */
export const UNFINISHED_RELEASE_STATES: readonly ReleaseState[] = ['open', 'submitted', 'scheduled']

export const MAX_RELEASE_MEMBERS = 50

export type ReleaseMember = {
  collection: ReviewableCollection
  id: string
  /** The newest saved version of the document. */
  latestVersionId: string | null
  /** The sign-off of this member inside the release: the version and hash its approvals named, once its policy was met. */
  signOff: { versionId: string; contentHash: string } | null
  /** The hash of that version as it would go live now (with the tips and warnings it shows). */
  currentHash: string | null
}

/**
 * waiting: not signed off yet; approved: signed off, nothing changed since; stale: saved again
 * after its sign-off (the approval names an older version); changed: the signed-off version
 * would now go live with other content (a tip or warning it shows changed).
 */
export type MemberStatus = 'waiting' | 'approved' | 'stale' | 'changed'

export type Readiness = {
  ready: boolean
  members: { key: string; status: MemberStatus }[]
  /** "2 of 4 approved; 1 saved again since its approval". */
  summary: string
}

export const memberKey = (member: Pick<ReleaseMember, 'collection' | 'id'>) => `${member.collection}:${member.id}`

export function memberStatus(member: ReleaseMember): MemberStatus {
  if (!member.signOff) return 'waiting'
  if (member.latestVersionId !== member.signOff.versionId) return 'stale'
  if (member.currentHash !== member.signOff.contentHash) return 'changed'
  return 'approved'
}

export function releaseReadiness(members: readonly ReleaseMember[]): Readiness {
  const statuses = members.map((member) => ({ key: memberKey(member), status: memberStatus(member) }))
  const count = (status: MemberStatus) => statuses.filter((member) => member.status === status).length
  const approved = count('approved')
  const notes = [
    count('stale') > 0 ? `${count('stale')} saved again since its approval` : null,
    count('changed') > 0 ? `${count('changed')} would go live with changed shared content` : null,
  ].filter((note): note is string => note !== null)
  return {
    ready: members.length > 0 && approved === members.length,
    members: statuses,
    summary: [`${approved} of ${members.length} approved`, ...notes].join('; '),
  }
}

export type MembershipChange = { ok: true } | { ok: false; status: 400 | 403 | 409; message: string }

/** Adding a document: staff who write content, while the release is open, once, and not while another open release holds it. */
export function decideAddMember(input: {
  actorRoles: readonly string[]
  releaseState: ReleaseState
  /** The document has a version readers do not see yet (a draft, or a submission under way). */
  hasPendingVersion: boolean
  members: readonly Pick<ReleaseMember, 'collection' | 'id'>[]
  candidate: Pick<ReleaseMember, 'collection' | 'id'>
  /** The open release that already holds the candidate, if any (its name). */
  heldBy: string | null
}): MembershipChange {
  const { actorRoles, releaseState, members, candidate, heldBy } = input
  if (!isWriter(actorRoles)) return { ok: false, status: 403, message: 'Only editors, reviewers and admins change releases.' }
  if (releaseState !== 'open') return { ok: false, status: 409, message: 'This release is no longer open: its members are fixed.' }
  if (members.some((member) => memberKey(member) === memberKey(candidate))) {
    return { ok: false, status: 409, message: 'This document is in the release already.' }
  }
  if (heldBy !== null)
    return { ok: false, status: 409, message: `This document is in the open release "${heldBy}": one release at a time.` }
  if (!input.hasPendingVersion) {
    return { ok: false, status: 409, message: 'Readers already see the latest version of this document: there is nothing to release.' }
  }
  if (members.length >= MAX_RELEASE_MEMBERS)
    return { ok: false, status: 400, message: `A release holds at most ${MAX_RELEASE_MEMBERS} documents.` }
  return { ok: true }
}

const isWriter = (roles: readonly string[]) => roles.some((role) => role === 'editor' || role === 'reviewer' || role === 'admin')

export type ReleaseStep = 'submit' | 'remove' | 'schedule' | 'unschedule' | 'go_live' | 'cancel'

export type StepDecision = { ok: true; at?: Date } | { ok: false; status: 400 | 403 | 409; message: string }

const STEP_FROM: Record<ReleaseStep, readonly ReleaseState[]> = {
  submit: ['open'],
  remove: ['open', 'submitted'],
  schedule: ['submitted', 'scheduled'],
  unschedule: ['scheduled'],
  go_live: ['submitted', 'scheduled'],
  cancel: ['open', 'submitted', 'scheduled'],
}

const STEP_LABEL: Record<ReleaseStep, string> = {
  submit: 'submit it',
  remove: 'remove documents from it',
  schedule: 'schedule it',
  unschedule: 'unschedule it',
  go_live: 'make it live',
  cancel: 'cancel it',
}

/**
 * Who may take a step on a release, and when. Editors prepare a release (create, add,
 * remove, submit, cancel); only reviewers decide when it goes live, and only once every member
 * is approved: a release is never approved as a whole.
 */
export function decideReleaseStep(input: {
  step: ReleaseStep
  actorRoles: readonly string[]
  releaseState: ReleaseState
  memberCount: number
  /** For schedule. Making it live checks readiness itself, under its locks (releaseReadiness). */
  readiness?: Pick<Readiness, 'ready' | 'summary'>
  /** For schedule: the time as sent, and how far ahead it must be (scheduled-time.ts). */
  at?: unknown
  minLeadSeconds?: number
  now: Date
}): StepDecision {
  const { step, actorRoles, releaseState, readiness } = input
  const decidesGoLive = step === 'schedule' || step === 'unschedule' || step === 'go_live'
  if (decidesGoLive && !actorRoles.includes('reviewer')) {
    return { ok: false, status: 403, message: 'Only reviewer accounts decide when a release goes live.' }
  }
  if (!decidesGoLive && !isWriter(actorRoles))
    return { ok: false, status: 403, message: 'Only editors, reviewers and admins change releases.' }
  if (!STEP_FROM[step].includes(releaseState)) {
    return {
      ok: false,
      status: 409,
      message: `Cannot ${STEP_LABEL[step]}: the release is ${RELEASE_STATE_LABEL[releaseState].toLowerCase()}.`,
    }
  }
  if (step === 'submit' && input.memberCount === 0)
    return { ok: false, status: 409, message: 'Add documents to the release before submitting it.' }
  if (step !== 'schedule') return { ok: true }
  const time = checkScheduledTime(input.at, input.now, 'to go live now, use go-live', input.minLeadSeconds)
  if (!time.ok) return time
  if (!readiness?.ready) return notReady(readiness?.summary ?? 'not known')
  return { ok: true, at: time.at }
}

const notReady = (summary: string): StepDecision => ({
  ok: false,
  status: 409,
  message: `The release is not ready: ${summary}. Every member needs its own approval of the version it carries.`,
})

/**
 * A held sign-off going live on its own at its scheduled time: exactly the approved version,
 * even when a newer draft was saved since (the draft stays a draft). Refused only when the
 * approved version would now go live with other content than was signed.
 */
export function pinnedGoLive(member: Pick<ReleaseMember, 'signOff' | 'currentHash'>): { ok: true } | { ok: false; message: string } {
  if (!member.signOff) return { ok: false, message: 'its sign-off was withdrawn, or its approvals no longer meet the sign-off rules' }
  if (member.currentHash !== member.signOff.contentHash) {
    return { ok: false, message: 'a tip or warning it shows changed since its approval, so it needs a new review' }
  }
  return { ok: true }
}
