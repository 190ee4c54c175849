import type { CollectionConfig } from 'payload'
import { reviewMetadataField } from './fields/reviewMetadata'
import { slugField } from './fields/slug'
import { computeSearchText } from '../src/review/hooks/computeSearchText'
import { copyCitedSources } from '../src/review/hooks/copyCitedSources'
import { SOURCE_TYPE_LABEL, SOURCE_TYPES, urlProblem } from '../src/workflow/evidence'
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
  ...reviewable('articles', { beforeValidate: [copyCitedSources], beforeChange: [computeSearchText] }),
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
      labels: { singular: 'Citation', plural: 'Citations (evidence)' },
      maxRows: 100,
      admin: {
        description:
          'The sources this advice rests on, in the order readers see them. Pick a source from the library: its details are copied when you save, and reviewed with the article.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'source', type: 'relationship', relationTo: 'sources', admin: { width: '60%' } },
            {
              name: 'section',
              type: 'text',
              maxLength: 120,
              admin: { width: '40%', description: 'Optional: the part of the article it supports.' },
            },
          ],
        },
        // Copied from the source on save (copyCitedSources): what readers see and the reviewer signs.
        { name: 'title', type: 'text', required: true, admin: { readOnly: true } },
        { name: 'authors', type: 'text', admin: { readOnly: true } },
        {
          type: 'row',
          fields: [
            { name: 'publisher', type: 'text', admin: { readOnly: true } },
            { name: 'year', type: 'number', min: 1800, max: 2100, admin: { readOnly: true } },
            {
              name: 'type',
              type: 'select',
              options: SOURCE_TYPES.map((value) => ({ label: SOURCE_TYPE_LABEL[value], value })),
              admin: { readOnly: true },
            },
          ],
        },
        { name: 'url', type: 'text', admin: { readOnly: true }, validate: (value: unknown) => urlProblem(value) ?? true },
        {
          type: 'row',
          fields: [
            { name: 'doi', type: 'text', admin: { readOnly: true } },
            { name: 'pmid', type: 'text', admin: { readOnly: true } },
            { name: 'accessedAt', type: 'date', admin: { readOnly: true } },
          ],
        },
      ],
    },
    {
      name: 'disclaimer',
      type: 'textarea',
      required: true,
      defaultValue: 'This information is for reference only and does not replace advice from a licensed medical professional.',
    },
    reviewMetadataField,
    {
      name: 'searchText',
      type: 'textarea',
      admin: { hidden: true },
      access: { read: () => false },
      // Made by the server from the article and what it shows, never typed: no length limit
      // (Payload's default of 40,000 characters refused every long article).
      validate: () => true,
    },
  ],
}
