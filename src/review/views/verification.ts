// Does the live content carry a valid sign-off? The published document's hash,
// recomputed now, must equal the hash in its latest approval record.
import type { PayloadRequest } from 'payload'
import { contentHash, REVIEWABLE, type ReviewableCollection } from '../../workflow'
import { findMainRow, lastApproval, relatedHashes } from '../data/repository'

export type Verification =
  | { verified: true; contentHash: string; reviewId: number }
  | { verified: false; reason: string; contentHash: string | null; approvedHash: string | null }

export async function verifyPublished(req: PayloadRequest, collection: ReviewableCollection, id: string): Promise<Verification> {
  const doc = await findMainRow(req, collection, id)
  if (!doc || doc._status !== 'published') {
    return { verified: false, reason: 'Nothing of this document is published.', contentHash: null, approvedHash: null }
  }
  const approval = await lastApproval(req, collection, id)
  const live = contentHash(collection, doc, await relatedHashes(req, collection, doc, false))
  if (!approval) return { verified: false, reason: 'No approval record.', contentHash: live, approvedHash: null }
  if (approval.contentHash !== live) {
    const reason =
      REVIEWABLE[collection].shows.length > 0
        ? 'The live content differs from what was approved (for example, a tip or warning it shows has a newer approved version).'
        : 'The live content differs from what was approved.'
    return { verified: false, reason, contentHash: live, approvedHash: approval.contentHash }
  }
  return { verified: true, contentHash: live, reviewId: approval.id }
}
