// Sign-off policies (src/workflow/policy.ts): which rules apply, how approvals count, when a
// set is complete, and which approvals are refused.
import { describe, expect, it } from 'vitest'
import {
  checkApproval,
  type CountedApproval,
  DEFAULT_POLICY,
  policyFor,
  policyProgress,
  type PolicyRule,
  stricterOf,
  validateRules,
} from '../../src/workflow/policy'

const RULES: PolicyRule[] = [
  { name: 'Emergency warnings', collection: 'warnings', severity: 'emergency', approvals: 2 },
  { name: 'Pregnancy', collection: 'articles', topic: 'Pregnancy', approvals: 2, specialties: ['Obstetrics'] },
  { name: 'All tips', collection: 'tips', approvals: 1, specialties: ['Nursing'] },
  { name: 'Pregnancy, strict', collection: 'articles', topic: ' pregnancy ', approvals: 3, specialties: ['obstetrics', 'Pharmacy'] },
]

const version = { versionId: '10', contentHash: 'h1' }
const approval = (reviewerId: string, specialties: string[] = [], over: Partial<CountedApproval> = {}): CountedApproval => ({
  reviewerId,
  specialties,
  ...version,
  ...over,
})

describe('policyFor', () => {
  it('is one reviewer when no rule matches', () => {
    expect(policyFor(RULES, { collection: 'articles', topic: 'Back pain' })).toEqual(DEFAULT_POLICY)
    expect(policyFor(RULES, { collection: 'warnings', severity: 'urgent' })).toEqual(DEFAULT_POLICY)
    expect(policyFor([], { collection: 'tips' })).toEqual(DEFAULT_POLICY)
  })

  it('matches by collection, severity and topic (topic without case or outer spaces)', () => {
    expect(policyFor(RULES, { collection: 'warnings', severity: 'emergency' })).toEqual({
      approvals: 2,
      specialties: [],
      rules: ['Emergency warnings'],
    })
    expect(policyFor(RULES, { collection: 'tips' })).toMatchObject({ approvals: 1, specialties: ['Nursing'] })
    // A severity rule never matches an article, a topic rule never a warning.
    expect(policyFor(RULES, { collection: 'articles', severity: 'emergency', topic: 'x' })).toEqual(DEFAULT_POLICY)
  })

  it('takes the strictest of all matching rules: most approvals, every specialty once', () => {
    expect(policyFor(RULES, { collection: 'articles', topic: 'PREGNANCY' })).toEqual({
      approvals: 3,
      specialties: ['Obstetrics', 'Pharmacy'],
      rules: ['Pregnancy', 'Pregnancy, strict'],
    })
  })

  it('keeps approvals between 1 and 5 whatever a rule says', () => {
    expect(policyFor([{ name: 'zero', collection: 'tips', approvals: 0 }], { collection: 'tips' }).approvals).toBe(1)
    expect(policyFor([{ name: 'many', collection: 'tips', approvals: 40 }], { collection: 'tips' }).approvals).toBe(5)
  })
})

describe('stricterOf', () => {
  it('never lowers the bar', () => {
    const a = { approvals: 2, specialties: ['Obstetrics'], rules: ['a'] }
    const b = { approvals: 1, specialties: ['Pharmacy', 'obstetrics'], rules: ['b'] }
    expect(stricterOf(a, b)).toEqual({ approvals: 2, specialties: ['Obstetrics', 'Pharmacy'], rules: ['a', 'b'] })
    expect(stricterOf(b, a).approvals).toBe(2)
    expect(stricterOf(DEFAULT_POLICY, DEFAULT_POLICY)).toEqual(DEFAULT_POLICY)
  })
})

describe('policyProgress', () => {
  const two = { approvals: 2, specialties: ['Obstetrics'], rules: ['Pregnancy'] }

  it('counts distinct reviewers of this version and hash only', () => {
    const progress = policyProgress(
      two,
      [
        approval('a'),
        approval('a'), // the same person twice
        approval('b', ['Obstetrics'], { versionId: '9' }), // another version
        approval('c', ['Obstetrics'], { contentHash: 'other' }), // another hash
      ],
      version,
    )
    expect(progress).toEqual({
      met: false,
      approvals: 1,
      required: 2,
      missingSpecialties: ['Obstetrics'],
      summary: '1 of 2 approvals; still needs: Obstetrics',
    })
  })

  it('is met with enough approvals and every specialty held (case-insensitive)', () => {
    expect(policyProgress(two, [approval('a'), approval('b', ['obstetrics'])], version)).toMatchObject({
      met: true,
      summary: '2 of 2 approvals',
    })
    expect(policyProgress(two, [approval('a', ['Obstetrics'])], version)).toMatchObject({ met: false, summary: '1 of 2 approvals' })
    expect(policyProgress(two, [approval('a'), approval('b')], version)).toMatchObject({
      met: false,
      summary: '2 of 2 approvals; still needs: Obstetrics',
    })
    expect(policyProgress(DEFAULT_POLICY, [], version)).toMatchObject({ met: false, summary: '0 of 1 approval' })
    expect(policyProgress(DEFAULT_POLICY, [approval('a')], version)).toMatchObject({ met: true, summary: '1 of 1 approval' })
  })

  it('lets one approver cover several specialties', () => {
    const policy = { approvals: 2, specialties: ['Obstetrics', 'Pharmacy'], rules: [] }
    expect(policyProgress(policy, [approval('a', ['Obstetrics', 'Pharmacy']), approval('b')], version).met).toBe(true)
  })
})

describe('checkApproval', () => {
  const two = { approvals: 2, specialties: ['Obstetrics'], rules: ['Pregnancy'] }

  it('completes a one-reviewer policy with the first approval', () => {
    expect(checkApproval(DEFAULT_POLICY, [], approval('a'))).toMatchObject({ ok: true, completes: true })
  })

  it('adds a first approval without completing, then completes with a specialist', () => {
    expect(checkApproval(two, [], approval('a'))).toMatchObject({
      ok: true,
      completes: false,
      progress: { summary: '1 of 2 approvals; still needs: Obstetrics' },
    })
    expect(checkApproval(two, [approval('a')], approval('b', ['Obstetrics']))).toMatchObject({ ok: true, completes: true })
  })

  it('refuses the same person twice', () => {
    expect(checkApproval(two, [approval('a')], approval('a', ['Obstetrics']))).toMatchObject({ ok: false, status: 409 })
  })

  it('refuses a reviewer lacking the required specialty who would fill the last place', () => {
    const refused = checkApproval(two, [approval('a')], approval('b', ['Cardiology']))
    expect(refused).toMatchObject({ ok: false, status: 403 })
    expect(refused.ok ? '' : refused.message).toContain('Obstetrics')
    // The same reviewer is welcome while places remain for a specialist.
    expect(checkApproval({ ...two, approvals: 3 }, [approval('a')], approval('b'))).toMatchObject({ ok: true, completes: false })
  })

  it('does not count an approval of another version towards this one', () => {
    const check = checkApproval(two, [approval('a', ['Obstetrics'], { versionId: '9' })], approval('b'))
    expect(check).toMatchObject({ ok: true, completes: false, progress: { approvals: 1 } })
  })
})

describe('validateRules', () => {
  it('accepts sensible rules', () => {
    expect(validateRules(RULES)).toEqual([])
  })

  it('names each problem and the rule it is in', () => {
    expect(
      validateRules([
        { name: '', collection: 'tips', approvals: 1 },
        { name: 'x', collection: 'tips', approvals: 0 },
        { name: 'y', collection: 'tips', approvals: 1.5 },
        { name: 'z', collection: 'articles', severity: 'emergency', approvals: 1 },
        { name: 'w', collection: 'warnings', topic: 'Pregnancy', approvals: 6 },
      ]).map((problem) => problem.index),
    ).toEqual([0, 1, 2, 3, 4, 4])
  })
})
