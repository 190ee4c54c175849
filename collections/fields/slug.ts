import type { Field } from 'payload'
import { slugify } from '../../src/lib/slugify'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A unique, URL-safe slug, generated from the title when left empty. */
export function slugField(sourceField = 'title'): Field {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    required: true,
    admin: {
      position: 'sidebar',
      description: 'The stable web address. Left empty, it is made from the title.',
    },
    hooks: {
      // A duplicate needs its own address; the editor renames it before it is reviewed.
      beforeDuplicate: [({ value }) => (typeof value === 'string' ? `${value}-copy-${Date.now().toString(36)}` : value)],
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim()) return value.trim()
          const source = data?.[sourceField]
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: unknown) => {
      if (typeof value !== 'string' || !value) return 'A slug is required (or a title to make it from).'
      return SLUG_PATTERN.test(value)
        ? true
        : 'Use lowercase letters, digits and single hyphens only (for example "back-pain-in-pregnancy").'
    },
  }
}
