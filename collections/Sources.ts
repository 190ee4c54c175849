import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { contentAuthors, nobody, nobodyField, staffOnly } from '../src/access/rules'
import { doiProblem, LINK_STATUSES, pmidProblem, SOURCE_TYPE_LABEL, SOURCE_TYPES, urlProblem } from '../src/workflow/evidence'
import { LINK_CHECK_QUEUE } from '../src/evidence/link-checks'
import { relationId } from '../src/lib/document-id'

const fieldCheck = (problem: (value: unknown) => string | null) => (value: unknown) => problem(value) ?? true

/** Everyone who ever wrote a source's details: authors of any article version that copies them (four eyes). */
const recordEditor: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user) return data
  const before = ((originalDoc?.editors ?? []) as unknown[]).map((editor) => Number(relationId(editor)))
  return { ...data, editors: [...new Set([...before, req.user.id])] }
}

/** A new or changed address is checked in the background, never while someone waits. */
const checkLinkSoon: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!doc.url || doc.url === previousDoc?.url) return doc
  await req.payload.jobs.queue({ task: 'checkSourceLinks', queue: LINK_CHECK_QUEUE, input: { sourceIds: [doc.id] }, req })
  return doc
}

/**
 * The evidence library: each source once, cited by any number of articles. A citation copies
 * the source when the article is saved (collections/Articles.ts), so changing a source here
 * never changes what readers see until an article citing it is saved and reviewed again.
 */
export const Sources: CollectionConfig = {
  slug: 'sources',
  labels: { singular: 'Source', plural: 'Sources' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'year', 'linkStatus', 'updatedAt'],
    group: 'Content',
    description:
      'The evidence behind the advice. Articles cite sources from here; a change reaches readers when an article citing it is next reviewed.',
  },
  hooks: { beforeOperation: [rejectBadArguments], beforeChange: [recordEditor], afterChange: [checkLinkSoon] },
  access: { read: staffOnly, readVersions: nobody, create: contentAuthors, update: contentAuthors, delete: nobody },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300 },
    { name: 'authors', type: 'text', maxLength: 300, admin: { description: 'For example "Smith J, Patel R, et al." or an organisation.' } },
    {
      type: 'row',
      fields: [
        { name: 'publisher', type: 'text', maxLength: 200, label: 'Publisher or journal' },
        { name: 'year', type: 'number', min: 1800, max: 2100, admin: { step: 1 } },
        {
          name: 'type',
          type: 'select',
          options: SOURCE_TYPES.map((value) => ({ label: SOURCE_TYPE_LABEL[value], value })),
          // Sources made from references written before the library have none until someone says.
          validate: (value: unknown) => (value ? true : 'Choose the type of source: its age is judged by it.'),
        },
      ],
    },
    { name: 'url', type: 'text', maxLength: 2000, label: 'Address (URL)', validate: fieldCheck(urlProblem) },
    {
      type: 'row',
      fields: [
        { name: 'doi', type: 'text', maxLength: 220, label: 'DOI', validate: fieldCheck(doiProblem) },
        { name: 'pmid', type: 'text', maxLength: 9, label: 'PMID', validate: fieldCheck(pmidProblem) },
        { name: 'accessedAt', type: 'date', label: 'Date accessed', admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    {
      name: 'editors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      access: { create: nobodyField, update: nobodyField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Everyone who wrote these details. They cannot approve an article version that copies them.',
      },
    },
    // Written by the link check (src/evidence/link-check.ts) only.
    {
      name: 'linkStatus',
      type: 'select',
      defaultValue: 'unchecked',
      options: LINK_STATUSES.map((value) => ({ label: value, value })),
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'linkProblem',
      type: 'text',
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'linkCheckedAt',
      type: 'date',
      index: true,
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
