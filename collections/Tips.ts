import type { CollectionConfig } from 'payload'
import { reviewMetadataField } from './fields/reviewMetadata'
import { slugField } from './fields/slug'
import { reviewable, reviewableEditComponents } from './reviewable'
import { reviewPanelField } from './fields/reviewPanel'
import { reviewStatusColumn } from './fields/reviewStatusColumn'

export const TIP_CATEGORIES = [
  { label: 'Posture', value: 'posture' },
  { label: 'Rest', value: 'rest' },
  { label: 'Exercise', value: 'exercise' },
  { label: 'Massage', value: 'massage' },
  { label: 'Support', value: 'support' },
  { label: 'Footwear', value: 'footwear' },
  { label: 'Nutrition', value: 'nutrition' },
  { label: 'Weight', value: 'weight' },
  { label: 'Safety', value: 'safety' },
] as const

export const PREGNANCY_STAGES = [
  { label: 'Any stage', value: 'any' },
  { label: 'First trimester', value: 'first-trimester' },
  { label: 'Second trimester', value: 'second-trimester' },
  { label: 'Third trimester', value: 'third-trimester' },
  { label: 'Throughout pregnancy', value: 'throughout' },
] as const

export const Tips: CollectionConfig = {
  slug: 'tips',
  labels: { singular: 'Tip', plural: 'Tips' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'stage', 'reviewStatus', 'updatedAt'],
    group: 'Content',
    components: { edit: reviewableEditComponents },
    description: 'Short, actionable advice. Reusable across articles; reviewed like articles.',
  },
  ...reviewable('tips'),
  fields: [
    reviewPanelField,
    reviewStatusColumn,
    { name: 'title', type: 'text', required: true, maxLength: 160 },
    slugField(),
    { name: 'body', type: 'textarea', required: true, maxLength: 2000 },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'select', required: true, options: [...TIP_CATEGORIES] },
        { name: 'stage', type: 'select', required: true, defaultValue: 'any', options: [...PREGNANCY_STAGES] },
      ],
    },
    reviewMetadataField,
  ],
}
