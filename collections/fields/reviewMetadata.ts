import type { Field } from 'payload'
import { nobodyField } from '../../src/access/rules'
import { REVIEW_KIND_LABEL, REVIEW_KINDS } from '../../src/workflow/review-kind'

/**
 * Sign-off metadata. Written only by the review workflow (with overrideAccess),
 * never by a user: create and update access are closed to everyone.
 */
export const reviewMetadataField: Field = {
  name: 'review',
  type: 'group',
  label: 'Medical review',
  access: { create: nobodyField, update: nobodyField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: 'Set by an approval. Not editable.',
  },
  fields: [
    { name: 'reviewedBy', type: 'relationship', relationTo: 'users' },
    // The last full clinical review (a minor change keeps it), and the next one due.
    { name: 'lastReviewedAt', type: 'date' },
    { name: 'nextReviewDue', type: 'date', index: true },
    // The approval that made this version live, whether a full review or a minor change.
    { name: 'approvedAt', type: 'date' },
    { name: 'reviewKind', type: 'select', options: REVIEW_KINDS.map((value) => ({ label: REVIEW_KIND_LABEL[value], value })) },
    { name: 'approvedVersion', type: 'text' },
    { name: 'contentHash', type: 'text' },
  ],
}
