// Releases (issue 13, first step): several pending versions that go live together, or not at
// all. This is the pure rule of when a release is ready; the collection, the endpoints and the
// go-live transaction are still to come. Pure rules (no Payload, no I/O).
import type { ReviewableCollection } from './hash'

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
  releaseState: 'open' | 'submitted' | 'live' | 'cancelled'
  members: readonly Pick<ReleaseMember, 'collection' | 'id'>[]
  candidate: Pick<ReleaseMember, 'collection' | 'id'>
  /** The open release that already holds the candidate, if any (its name). */
  heldBy: string | null
}): MembershipChange {
  const { actorRoles, releaseState, members, candidate, heldBy } = input
  if (!actorRoles.some((role) => role === 'editor' || role === 'reviewer' || role === 'admin')) {
    return { ok: false, status: 403, message: 'Only editors, reviewers and admins change releases.' }
  }
  if (releaseState !== 'open') return { ok: false, status: 409, message: 'This release is no longer open: its members are fixed.' }
  if (members.some((member) => memberKey(member) === memberKey(candidate))) {
    return { ok: false, status: 409, message: 'This document is in the release already.' }
  }
  if (heldBy !== null) return { ok: false, status: 409, message: `This document is in the open release "${heldBy}": one release at a time.` }
  if (members.length >= MAX_RELEASE_MEMBERS) return { ok: false, status: 400, message: `A release holds at most ${MAX_RELEASE_MEMBERS} documents.` }
  return { ok: true }
}
