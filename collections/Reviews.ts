import { REVIEW_KIND_LABEL, REVIEW_KINDS } from '../src/workflow/review-kind'
import { REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'
import type { CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { nobody, staffOnly } from '../src/access/rules'

// went_live: a held sign-off (in a release, or scheduled) became what readers see, at that time.
export const REVIEW_DECISIONS = ['approved', 'changes_requested', 'retired', 'went_live'] as const

/**
 * The append-only sign-off trail: one record per decision (each approval of a set is one). Only the review
 * workflow writes here (server-side, with overrideAccess); nobody updates or deletes.
 */
export const Reviews: CollectionConfig = {
  slug: 'reviews',
  labels: { singular: 'Review record', plural: 'Review records' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['documentTitle', 'decision', 'reviewerName', 'decidedAt'],
    group: 'Administration',
  },
  hooks: { beforeOperation: [rejectBadArguments] },
  // A document's trail newest first (byline, history, last approval), and the record of one version.
  indexes: [{ fields: ['documentCollection', 'documentId', 'decidedAt'] }, { fields: ['documentCollection', 'documentId', 'versionId'] }],
  access: {
    read: staffOnly,
    readVersions: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'documentCollection',
      type: 'select',
      required: true,
      index: true,
      options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'documentId', type: 'text', required: true, index: true },
    { name: 'documentTitle', type: 'text' },
    { name: 'versionId', type: 'text', required: true, index: true },
    { name: 'contentHash', type: 'text', required: true },
    {
      name: 'decision',
      type: 'select',
      required: true,
      options: REVIEW_DECISIONS.map((value) => ({ label: value.replace('_', ' '), value })),
    },
    { name: 'comment', type: 'textarea' },
    { name: 'reviewer', type: 'relationship', relationTo: 'users', required: true },
    { name: 'reviewerName', type: 'text', required: true },
    { name: 'reviewerCredentials', type: 'text' },
    // As they were at the decision: the public byline reads these, never the live profile.
    { name: 'reviewerSpecialties', type: 'json' },
    { name: 'reviewerRegistration', type: 'text' },
    { name: 'decidedAt', type: 'date', required: true, index: true },
    // Approvals: whether this one completed its version's sign-off policy and made it live,
    // the other approvals counted with it, and the progress it left ("1 of 2 approvals").
    { name: 'publishes', type: 'checkbox', defaultValue: false, index: true },
    { name: 'approvalSet', type: 'json' },
    { name: 'policySummary', type: 'text' },
    // An approval's kind: a full clinical review, or a minor change (src/workflow/review-kind.ts).
    { name: 'reviewKind', type: 'select', options: REVIEW_KINDS.map((value) => ({ label: REVIEW_KIND_LABEL[value], value })) },
    // went_live: when its sign-off was completed (four eyes counts authors from then), and the
    // release it went live with.
    { name: 'signedOffAt', type: 'date' },
    // What readers are told changed, on the record that made it live ("What changed", /updates),
    // and whether the change corrects a mistake readers saw (src/workflow/change-log.ts).
    { name: 'publicNote', type: 'textarea' },
    { name: 'correction', type: 'checkbox', defaultValue: false },
    { name: 'release', type: 'relationship', relationTo: 'releases', index: true },
    // Approvals of articles: the reviewer confirmed the evidence was checked, with the sources as
    // cited by this version and what was flagged about them then (src/workflow/evidence.ts).
    { name: 'evidence', type: 'json' },
    // Declarations of interests as they were at the decision: the approver's, and on the record
    // that made a version live, its authors' (src/workflow/disclosure.ts).
    { name: 'disclosures', type: 'json' },
    // Reading level and structure checks of the version, and whether the reviewer acknowledged a
    // reading age above the target (src/workflow/readability.ts).
    { name: 'plainLanguage', type: 'json' },
    // Retirements: the current advice readers are sent to from the retired page.
    { name: 'replacement', type: 'relationship', relationTo: 'articles' },
  ],
}
