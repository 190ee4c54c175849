import type { CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { nobody, staffOnly } from '../src/access/rules'
import { STATE_LABEL, STATES } from '../src/workflow/states'
import { REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'

/**
 * Where each reviewable document stands in its review (its review state): one row per
 * document, kept apart from the content so review bookkeeping never writes to the content's
 * versions. Written only by the review actions. The slug (its table and REST address) keeps
 * the name `workflow` it was created with; in the code it is a review state.
 */
export const ReviewStates: CollectionConfig = {
  slug: 'workflow',
  labels: { singular: 'Review status', plural: 'Review status of all content' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['documentTitle', 'documentCollection', 'state', 'submittedAt', 'needsReReview'],
    group: 'Review',
  },
  hooks: { beforeOperation: [rejectBadArguments] },
  // The review queue: each state's documents, oldest submission first.
  indexes: [{ fields: ['state', 'submittedAt'] }],
  access: { read: staffOnly, readVersions: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    {
      name: 'documentCollection',
      type: 'select',
      required: true,
      options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'documentId', type: 'text', required: true },
    { name: 'documentTitle', type: 'text', admin: { components: { Cell: '/src/admin/DocumentLinkCell#DocumentLinkCell' } } },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'draft',
      options: STATES.map((value) => ({ label: STATE_LABEL[value], value })),
      admin: { components: { Cell: '/src/admin/StateCell#StateCell' } },
    },
    { name: 'submittedVersion', type: 'text' },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
    { name: 'submittedAt', type: 'date', index: true },
    // The sign-off policy as it was at submission: a later change to the rules may raise what
    // this version needs, never lower it.
    { name: 'submittedPolicy', type: 'json' },
    // Reviewers asked to review the submission (POST /api/<collection>/:id/assign); everyone
    // else still sees it in the queue.
    { name: 'assignedTo', type: 'relationship', relationTo: 'users', hasMany: true, index: true },
    // A scheduled retirement (POST /api/<collection>/:id/schedule-retirement): when, why, by whom.
    { name: 'retireAt', type: 'date', index: true },
    { name: 'retireComment', type: 'text' },
    { name: 'retireScheduledBy', type: 'relationship', relationTo: 'users' },
    // A sign-off that does not go live at once (state `approved`): the version and hash its
    // approvals named, its kind and time, and the approvals counted (src/review/data/held-sign-off.ts).
    { name: 'heldSignOff', type: 'json' },
    // The scheduled go-live of that version on its own (approve with { goLiveAt }), and who set it.
    { name: 'goLiveAt', type: 'date', index: true },
    { name: 'goLiveScheduledBy', type: 'relationship', relationTo: 'users' },
    { name: 'needsReReview', type: 'checkbox', defaultValue: false, index: true },
    { name: 'reReviewReason', type: 'text' },
  ],
}
