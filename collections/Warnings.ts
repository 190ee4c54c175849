import type { CollectionConfig } from 'payload'
import { reviewMetadataField } from './fields/reviewMetadata'
import { slugField } from './fields/slug'
import { reviewable, reviewableEditComponents } from './reviewable'
import { reviewPanelField } from './fields/reviewPanel'
import { reviewStatusColumn } from './fields/reviewStatusColumn'
import { SEVERITIES, SEVERITY_LABEL } from '../src/workflow/severity'

export const Warnings: CollectionConfig = {
  slug: 'warnings',
  labels: { singular: 'Warning', plural: 'Warnings' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'severity', 'reviewStatus', 'updatedAt'],
    group: 'Content',
    components: { edit: reviewableEditComponents },
    description: 'Red flags: what to watch for and what to do. Reusable; reviewed like articles.',
  },
  ...reviewable('warnings'),
  fields: [
    reviewPanelField,
    reviewStatusColumn,
    { name: 'title', type: 'text', required: true, maxLength: 160 },
    slugField(),
    { name: 'severity', type: 'select', required: true, options: SEVERITIES.map((value) => ({ label: SEVERITY_LABEL[value], value })) },
    {
      name: 'symptoms',
      type: 'textarea',
      required: true,
      maxLength: 2000,
      admin: { description: 'What the reader notices.' },
    },
    {
      name: 'action',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      admin: { description: 'What the reader should do.' },
    },
    reviewMetadataField,
  ],
}
