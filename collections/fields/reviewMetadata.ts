import type { Field } from 'payload'
import { nobodyField } from '../../src/access/rules'

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
    { name: 'lastReviewedAt', type: 'date' },
    { name: 'nextReviewDue', type: 'date', index: true },
    { name: 'approvedVersion', type: 'text' },
    { name: 'contentHash', type: 'text' },
  ],
}
