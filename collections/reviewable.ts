// What articles, tips and warnings share: drafts with a full, never-pruned version
// history, the same access rules, and the review workflow's hooks and endpoints.
import type { Access, CollectionConfig } from 'payload'
import { hasRole } from '../src/access/roles'
import { contentAuthors, publishedOrStaff, staffOnly } from '../src/access/rules'
import { workflowEndpoints } from '../src/review/endpoints'
import { lockDocumentForSave } from '../src/review/hooks/lockDocumentForSave'
import { recordRevision } from '../src/review/hooks/recordRevision'
import { refuseDirectPublishing, refusePublishedStatus } from '../src/review/hooks/refuseDirectPublishing'
import { DEFAULT_REVIEW_INTERVAL_MONTHS, type ReviewableCollection } from '../src/workflow'

/** Deleting erases versions, the evidence of sign-off: only never-approved drafts may go. */
const deleteNeverApproved: Access = ({ req: { user } }) =>
  hasRole(user, 'admin') ? { 'review.approvedVersion': { exists: false } } : false

export function reviewable(
  slug: ReviewableCollection,
  { reviewIntervalMonths = DEFAULT_REVIEW_INTERVAL_MONTHS } = {},
): Pick<CollectionConfig, 'access' | 'versions' | 'hooks' | 'endpoints' | 'custom'> {
  return {
    access: {
      read: publishedOrStaff,
      readVersions: staffOnly,
      create: contentAuthors,
      update: contentAuthors,
      delete: deleteNeverApproved,
    },
    versions: {
      // Sign-off history is evidence: never prune it.
      maxPerDoc: 0,
      // Drafts are validated too: what goes to a reviewer is always complete and well-formed.
      drafts: { autosave: false, validate: true },
    },
    hooks: {
      beforeOperation: [refuseDirectPublishing, lockDocumentForSave],
      beforeChange: [refusePublishedStatus],
      afterChange: [recordRevision],
    },
    endpoints: workflowEndpoints(slug),
    custom: { reviewIntervalMonths },
  }
}
