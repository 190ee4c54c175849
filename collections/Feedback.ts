import type { CollectionConfig, FieldAccess } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { adminOnly, nobody, staffOnly } from '../src/access/rules'
import { hasRole } from '../src/access/roles'
import { FEEDBACK_PROBLEM_LABEL, FEEDBACK_PROBLEMS, FEEDBACK_STATUSES, MAX_FEEDBACK_LENGTH } from '../src/workflow/feedback'
import { feedbackEndpoints } from '../src/feedback/endpoints'

/** Readers' e-mail addresses are personal data: only the people who act on feedback see them. */
const reviewersAndAdmins: FieldAccess = ({ req: { user } }) => hasRole(user, 'reviewer', 'admin')

/**
 * What readers said about live articles ("Was this page helpful?"). Readers send it through
 * POST /api/feedback/send only (checked, throttled, spam dropped); staff read it, and reviewers
 * close it through POST /api/feedback/:id/act. Admins may delete an item (a reader's request to
 * erase what they sent). Readers' text is shown as text everywhere (React escapes it).
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  labels: { singular: 'Reader feedback', plural: 'Reader feedback' },
  admin: {
    useAsTitle: 'articleTitle',
    defaultColumns: ['articleTitle', 'helpful', 'problem', 'status', 'submittedAt'],
    group: 'Review',
    description: 'What readers told us. Reports of something wrong come first in the review queue.',
  },
  defaultSort: '-submittedAt',
  indexes: [{ fields: ['status', 'submittedAt'] }],
  hooks: { beforeOperation: [rejectBadArguments] },
  endpoints: feedbackEndpoints,
  access: { read: staffOnly, readVersions: nobody, create: nobody, update: nobody, delete: adminOnly },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    { name: 'articleTitle', type: 'text' },
    { name: 'helpful', type: 'checkbox', defaultValue: false },
    { name: 'problem', type: 'select', options: FEEDBACK_PROBLEMS.map((value) => ({ label: FEEDBACK_PROBLEM_LABEL[value], value })) },
    { name: 'comment', type: 'textarea', maxLength: MAX_FEEDBACK_LENGTH },
    {
      name: 'email',
      type: 'email',
      access: { read: reviewersAndAdmins },
      admin: { description: 'Only when the reader agreed to be contacted about this feedback.' },
    },
    { name: 'contactConsent', type: 'checkbox', defaultValue: false },
    { name: 'submittedAt', type: 'date', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      options: FEEDBACK_STATUSES.map((value) => ({ label: value.replace('_', ' '), value })),
    },
    { name: 'staffNote', type: 'textarea', maxLength: 1000 },
    { name: 'answeredBy', type: 'relationship', relationTo: 'reviews', admin: { description: 'The approval whose change answered this.' } },
    { name: 'actedOnBy', type: 'relationship', relationTo: 'users' },
    { name: 'actedOnAt', type: 'date' },
  ],
}
