import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { contentAuthors, nobody, nobodyField, staffOnly } from '../src/access/rules'
import { RELEASE_STATE_LABEL, RELEASE_STATES } from '../src/workflow/release'
import { releaseEndpoints } from '../src/review/endpoints/release-endpoints'
import { REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'

/** Who made the release: the person who created it, never what the request says. */
const recordCreator: CollectionBeforeChangeHook = ({ data, operation, req }) =>
  operation === 'create' ? { ...data, state: 'open', createdBy: req.user?.id ?? null } : data

const workflowOnly = { create: nobodyField, update: nobodyField }

/**
 * A release: documents whose pending versions go live together, in one transaction, once each
 * is approved, when a reviewer makes it live or at the time a reviewer scheduled. Staff create
 * one and edit its name and description; everything else changes only through the release
 * workflow (src/review/releases/releases.ts and its REST API).
 */
export const Releases: CollectionConfig = {
  slug: 'releases',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'state', 'goLiveAt', 'updatedAt'],
    group: 'Review',
    description: 'Changes that go live together: add the documents, submit, approve each, then schedule or make it live.',
  },
  hooks: { beforeOperation: [rejectBadArguments], beforeChange: [recordCreator] },
  access: { read: staffOnly, readVersions: nobody, create: contentAuthors, update: contentAuthors, delete: nobody },
  endpoints: releaseEndpoints(),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'releasePanel', type: 'ui', admin: { components: { Field: '/src/admin/ReleasePanel#ReleasePanel' } } },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'open',
      options: RELEASE_STATES.map((value) => ({ label: RELEASE_STATE_LABEL[value], value })),
      access: workflowOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'members',
      type: 'array',
      access: workflowOnly,
      admin: { hidden: true },
      fields: [
        {
          name: 'documentCollection',
          type: 'select',
          required: true,
          options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value, value })),
        },
        { name: 'documentId', type: 'text', required: true, index: true },
        { name: 'documentTitle', type: 'text' },
      ],
    },
    {
      name: 'goLiveAt',
      type: 'date',
      index: true,
      access: workflowOnly,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'scheduledBy',
      type: 'relationship',
      relationTo: 'users',
      access: workflowOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', access: workflowOnly, admin: { position: 'sidebar', readOnly: true } },
    { name: 'submittedAt', type: 'date', access: workflowOnly, admin: { hidden: true } },
    {
      name: 'wentLiveAt',
      type: 'date',
      access: workflowOnly,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'cancelledAt', type: 'date', access: workflowOnly, admin: { hidden: true } },
    // Why the last scheduled go-live did not happen, or why the release was cancelled.
    { name: 'problem', type: 'text', access: workflowOnly, admin: { hidden: true } },
  ],
}
