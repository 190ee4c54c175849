// What articles, tips and warnings share: drafts with a full, never-pruned version
// history, the same access rules, and the review workflow's hooks and endpoints.
import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { adminOnly, contentAuthors, publishedOrStaff, staffOnly } from '../src/access/rules'
import { documentEndpoints } from '../src/review/endpoints/document-endpoints'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { keepSignedOffDocuments } from '../src/review/hooks/keepSignedOffDocuments'
import { lockDocumentForSave } from '../src/review/hooks/lockDocumentForSave'
import { noteContentOrigin } from '../src/review/hooks/noteContentOrigin'
import { recordRevision } from '../src/review/hooks/recordRevision'
import { closeReaderSnapshot, openReaderSnapshotForRead } from '../src/review/hooks/readerSnapshot'
import { refuseDirectPublishing, refusePublishedStatus } from '../src/review/hooks/refuseDirectPublishing'
import type { ReviewableCollection } from '../src/workflow'

export function reviewable(
  slug: ReviewableCollection,
  {
    beforeChange = [],
    beforeValidate = [],
  }: { beforeChange?: CollectionBeforeChangeHook[]; beforeValidate?: CollectionBeforeValidateHook[] } = {},
): Pick<CollectionConfig, 'access' | 'versions' | 'hooks' | 'endpoints'> {
  return {
    access: {
      read: publishedOrStaff,
      readVersions: staffOnly,
      create: contentAuthors,
      update: contentAuthors,
      delete: adminOnly,
    },
    versions: {
      // Sign-off history is evidence: never prune it.
      maxPerDoc: 0,
      // Drafts are validated too: what goes to a reviewer is always complete and well-formed.
      drafts: { autosave: false, validate: true },
    },
    hooks: {
      beforeOperation: [
        rejectBadArguments,
        refuseDirectPublishing,
        lockDocumentForSave,
        noteContentOrigin,
        // Readers' reads in one snapshot: a release is seen whole (src/db/reader-snapshot.ts).
        openReaderSnapshotForRead,
      ],
      afterOperation: [closeReaderSnapshot],
      beforeDelete: [keepSignedOffDocuments],
      beforeValidate,
      beforeChange: [refusePublishedStatus, ...beforeChange],
      afterChange: [recordRevision],
    },
    // Review intervals are data admins edit (the sign-off rules' global), not config.
    endpoints: documentEndpoints(slug),
  }
}

/**
 * Payload's Publish and Unpublish buttons are gone for everyone: publishing is approving. Its
 * status (with "Revert to published") is replaced by the review state; the review panel has
 * "Discard draft" instead.
 */
export const reviewableEditComponents = {
  PublishButton: '/src/admin/NoButton#NoButton',
  UnpublishButton: '/src/admin/NoButton#NoButton',
  Status: '/src/admin/ReviewStatusHeader#ReviewStatusHeader',
}
