import { type Field, type GlobalAfterChangeHook, type GlobalBeforeChangeHook, type GlobalConfig, ValidationError } from 'payload'
import { adminOnly, staffOnly } from '../src/access/rules'
import { recordPolicyChange } from '../src/accounts/audit'
import { SEVERITIES, SEVERITY_LABEL } from '../src/workflow/severity'
import { MAX_REQUIRED_APPROVALS, type PolicyRule, validateRules } from '../src/workflow/policy'
import { isReviewableCollection, REVIEWABLE, REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'
import { DEFAULT_REVIEW_INTERVAL_MONTHS } from '../src/workflow/due-dates'
import { DEFAULT_SOURCE_MAX_AGE_YEARS, SOURCE_TYPE_LABEL, SOURCE_TYPES } from '../src/workflow/evidence'
import { DEFAULT_READING_AGE_TARGET, readingAgeTargetProblem } from '../src/workflow/readability'
import { STRUCTURE_CHECK_LABEL, STRUCTURE_CHECKS } from '../src/workflow/content-structure'
import { intervalProblem, MAX_REVIEW_INTERVAL_MONTHS, MIN_REVIEW_INTERVAL_MONTHS } from '../src/workflow/review-kind'
import { intervalOf, recomputeDueDates, type ReviewIntervals } from '../src/review/data/review-intervals'
import { recordExpiry } from '../src/cache/expiry-outbox'
import { CONTENT_TAGS, expireContent } from '../src/cache/content-tags'

const scopeOf = (collection: unknown) => (isReviewableCollection(collection) ? REVIEWABLE[collection].ruleScope : null)

const refuseInvalidRules: GlobalBeforeChangeHook = ({ data }) => {
  const rules = (data.rules ?? []) as PolicyRule[]
  const problems = validateRules(rules)
  if (problems.length > 0) {
    throw new ValidationError({
      global: 'review-policy',
      errors: problems.map(({ index, message }) => ({ path: `rules.${index}`, message: `Rule ${index + 1}: ${message}` })),
    })
  }
  return data
}

/** Every change is recorded with its before and after (the audit log is append-only). */
const auditPolicyChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await recordPolicyChange(
    req,
    { rules: previousDoc?.rules ?? [], reviewIntervals: previousDoc?.reviewIntervals },
    { rules: doc.rules ?? [], reviewIntervals: doc.reviewIntervals },
  )
  return doc
}

/** A changed interval re-dates the next review of the collection's live content (src/review/data/review-intervals.ts). */
const applyIntervalChanges: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  let changed = 0
  for (const collection of REVIEWABLE_COLLECTIONS) {
    const before = intervalOf(previousDoc?.reviewIntervals as ReviewIntervals, collection)
    const after = intervalOf(doc.reviewIntervals as ReviewIntervals, collection)
    if (before !== after) changed += await recomputeDueDates(req, collection, after)
  }
  // Pages show the next review date: every instance drops them (the outbox publishes the expiry).
  if (changed > 0) {
    await recordExpiry(req, [CONTENT_TAGS.all])
    expireContent([CONTENT_TAGS.all])
  }
  return doc
}

/** One whole number per reviewable collection, side by side. */
const perCollection = (
  defaultValue: number,
  problem: (value: unknown) => string | null,
  limits: { min?: number; max?: number } = {},
): Field => ({
  type: 'row',
  fields: REVIEWABLE_COLLECTIONS.map((collection) => ({
    name: collection,
    type: 'number' as const,
    label: collection[0]!.toUpperCase() + collection.slice(1),
    ...limits,
    defaultValue,
    admin: { step: 1, width: '33%' },
    validate: (value: unknown) => (value == null ? true : (problem(value) ?? true)),
  })),
})

/**
 * Sign-off rules: how many distinct reviewers must approve one version, and which
 * specialties must be among them (src/workflow/policy.ts). Staff read them (the panel shows
 * progress); only admins change them, and every change is in the audit log.
 */
export const ReviewPolicy: GlobalConfig = {
  slug: 'review-policy',
  label: 'Sign-off rules',
  admin: {
    group: 'Administration',
    description:
      'Without a matching rule one reviewer signs off. Where several rules match, the strictest applies: the most approvals and every specialty named. A change applies to approvals from then on, and never lowers what a version already submitted needs.',
  },
  access: { read: staffOnly, update: adminOnly, readVersions: () => false },
  hooks: { beforeChange: [refuseInvalidRules], afterChange: [auditPolicyChange, applyIntervalChanges] },
  fields: [
    {
      name: 'reviewIntervals',
      type: 'group',
      label: 'Review intervals (months)',
      admin: {
        description:
          'How long after a full clinical review the next one is due. A change re-dates the next review of the live content already reviewed: due this many months after its last full review.',
      },
      fields: [
        perCollection(DEFAULT_REVIEW_INTERVAL_MONTHS, intervalProblem, {
          min: MIN_REVIEW_INTERVAL_MONTHS,
          max: MAX_REVIEW_INTERVAL_MONTHS,
        }),
      ],
    },
    {
      name: 'sourceMaxAge',
      type: 'group',
      label: 'Evidence: flag sources older than (years)',
      admin: { description: 'A cited source older than this is flagged to the reviewer, who checks it is still current.' },
      fields: [
        {
          type: 'row',
          fields: SOURCE_TYPES.map((type) => ({
            name: type,
            type: 'number' as const,
            label: SOURCE_TYPE_LABEL[type],
            min: 1,
            max: 50,
            defaultValue: DEFAULT_SOURCE_MAX_AGE_YEARS[type],
            admin: { step: 1, width: '20%' },
          })),
        },
      ],
    },
    {
      name: 'readingAgeTargets',
      type: 'group',
      label: 'Plain language: target reading age',
      admin: { description: 'A version that reads above its target needs the reviewer to acknowledge it at approval.' },
      fields: [perCollection(DEFAULT_READING_AGE_TARGET, readingAgeTargetProblem)],
    },
    {
      name: 'blockingChecks',
      type: 'select',
      hasMany: true,
      label: 'Structure checks that block approval',
      options: STRUCTURE_CHECKS.map((value) => ({ label: STRUCTURE_CHECK_LABEL[value], value })),
      admin: { description: 'Checks are advisory unless named here: then a version that fails one cannot be approved.' },
    },
    {
      name: 'rules',
      type: 'array',
      labels: { singular: 'Rule', plural: 'Rules' },
      maxRows: 100,
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 120 },
        {
          name: 'collection',
          type: 'select',
          required: true,
          options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
        },
        {
          name: 'severity',
          type: 'select',
          options: SEVERITIES.map((value) => ({ label: SEVERITY_LABEL[value], value })),
          admin: { condition: (_, sibling) => scopeOf(sibling?.collection) === 'severity', description: 'Only warnings of this severity.' },
        },
        {
          name: 'topic',
          type: 'text',
          maxLength: 120,
          admin: { condition: (_, sibling) => scopeOf(sibling?.collection) === 'topic', description: 'Only articles in this topic.' },
        },
        { name: 'approvals', type: 'number', required: true, min: 1, max: MAX_REQUIRED_APPROVALS, defaultValue: 2 },
        {
          name: 'specialties',
          type: 'text',
          hasMany: true,
          maxLength: 80,
          admin: { description: 'At least one approver must hold each (as written in reviewers’ profiles).' },
        },
      ],
    },
  ],
}
