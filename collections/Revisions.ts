import type { CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { nobody, staffOnly } from '../src/access/rules'
import { REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'

/**
 * Who saved which version. Payload's versions do not record their author, and
 * the four-eyes rule needs it. Append-only, like the review trail.
 */
export const Revisions: CollectionConfig = {
  slug: 'revisions',
  labels: { singular: 'Revision', plural: 'Revisions' },
  admin: {
    defaultColumns: ['documentCollection', 'documentId', 'versionId', 'author', 'savedAt'],
    group: 'Review',
  },
  hooks: { beforeOperation: [rejectBadArguments] },
  // Who saved a document's versions since its last approval (the four-eyes rule).
  indexes: [{ fields: ['documentCollection', 'documentId', 'savedAt'] }],
  access: { read: staffOnly, readVersions: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'documentCollection',
      type: 'select',
      required: true,
      options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'documentId', type: 'text', required: true, index: true },
    { name: 'versionId', type: 'text', required: true },
    { name: 'author', type: 'relationship', relationTo: 'users' },
    { name: 'savedAt', type: 'date', required: true, index: true },
  ],
}
