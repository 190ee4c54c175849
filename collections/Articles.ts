import type { CollectionConfig } from 'payload'
import { reviewMetadataField } from './fields/reviewMetadata'
import { slugField } from './fields/slug'
import { computeSearchText } from './hooks/computeSearchText'
import { reviewable, reviewableEditComponents } from './reviewable'
import { reviewPanelField } from './fields/reviewPanel'
import { reviewStatusColumn } from './fields/reviewStatusColumn'

export const AUDIENCES = [
  { label: 'Patients and the public', value: 'patient' },
  { label: 'Caregivers and partners', value: 'caregiver' },
  { label: 'Clinicians', value: 'clinician' },
] as const

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'topic', 'reviewStatus', 'updatedAt'],
    group: 'Content',
    components: { edit: reviewableEditComponents },
  },
  ...reviewable('articles', { beforeChange: [computeSearchText] }),
  fields: [
    reviewPanelField,
    reviewStatusColumn,
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      maxLength: 600,
      admin: { description: 'One or two sentences shown in listings and search results.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'topic', type: 'text', required: true, index: true, maxLength: 80 },
        { name: 'audience', type: 'select', required: true, defaultValue: 'patient', options: [...AUDIENCES] },
        { name: 'releaseDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    { name: 'body', type: 'richText', required: true },
    {
      name: 'warnings',
      type: 'relationship',
      relationTo: 'warnings',
      hasMany: true,
      admin: { description: 'Red flags, shown prominently by severity.' },
    },
    {
      name: 'tips',
      type: 'relationship',
      relationTo: 'tips',
      hasMany: true,
      admin: { description: 'Shown in this order.' },
    },
    {
      name: 'references',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', required: true },
        {
          type: 'row',
          fields: [
            { name: 'publisher', type: 'text' },
            { name: 'year', type: 'number', min: 1800, max: 2100 },
          ],
        },
        {
          name: 'url',
          type: 'text',
          validate: (value: unknown) =>
            !value || (typeof value === 'string' && /^https?:\/\/\S+$/.test(value))
              ? true
              : 'Give a full http(s) address.',
        },
      ],
    },
    {
      name: 'disclaimer',
      type: 'textarea',
      required: true,
      defaultValue:
        'This information is for reference only and does not replace advice from a licensed medical professional.',
    },
    reviewMetadataField,
    {
      name: 'searchText',
      type: 'textarea',
      admin: { hidden: true },
      access: { read: () => false },
    },
  ],
}
