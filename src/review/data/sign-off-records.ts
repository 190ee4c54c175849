// What the sign-off trail records of a decision, and the hash a version is signed with: shared
// by the review actions (actions/) and the go-live of held sign-offs (releases/go-live.ts).
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { contentHash, describeRegistration, registrationStanding, type ReviewableCollection } from '../../workflow'
import { type ContentDoc, relatedHashes, type PendingHashes } from './repository'
import type { Target } from './facts'

/** Fields that belong to the document itself, as stored in a version snapshot. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', '_status', 'review', 'parent', 'deletedAt', 'searchText'])
export const contentOf = (snapshot: ContentDoc) => Object.fromEntries(Object.entries(snapshot).filter(([key]) => !BOOKKEEPING.has(key)))

/** The round is over: the submission, its policy snapshot, who it was assigned to, and any held sign-off. */
export const clearedSubmission = {
  submittedVersion: null,
  submittedBy: null,
  submittedAt: null,
  submittedPolicy: null,
  assignedTo: [],
  heldSignOff: null,
  goLiveAt: null,
  goLiveScheduledBy: null,
}

/**
 * The hash a version is signed with: its content, and the approved hashes of the shared content
 * it shows. `pending` gives the hashes of tips and warnings that go live
 * in the same release (their held sign-offs) in place of their live ones.
 */
export async function hashOf(
  req: PayloadRequest,
  collection: ReviewableCollection,
  content: ContentDoc,
  strict: boolean,
  pending?: PendingHashes,
) {
  return contentHash(collection, content, await relatedHashes(req, collection, content, strict, pending))
}

/** What the trail keeps of a reviewer's registration at the decision: the current ones, else the number on file. */
function registrationSnapshot(user: User): string | null {
  const standing = registrationStanding(user.registrations, new Date())
  if (standing.state === 'current') return standing.current.map(describeRegistration).join('; ')
  return user.licenceNumber ?? null
}

export function reviewRecord(user: User, target: Target, title: unknown, versionId: string, hash: string) {
  return {
    documentCollection: target.collection,
    documentId: target.id,
    documentTitle: typeof title === 'string' ? title : null,
    versionId,
    contentHash: hash,
    reviewer: user.id,
    reviewerName: user.displayName,
    reviewerCredentials: user.credentials ?? null,
    reviewerSpecialties: user.specialties ?? [],
    reviewerRegistration: registrationSnapshot(user),
    decidedAt: new Date().toISOString(),
  }
}
