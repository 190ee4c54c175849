// Sign-off policies: how many distinct reviewers must approve one version, and which
// specialties must be among them. Pure rules (no Payload, no I/O).
//
// A policy is the strictest of the rules that match the document (the most approvals, every
// specialty any of them names), and never below one approval. Each required specialty must
// be held by at least one of the approvers (one approver may cover several). Approvals count
// only when they name the submitted version and its content hash, and each reviewer counts
// once.
import { REVIEWABLE, type ReviewableCollection } from './reviewable'

export const MAX_REQUIRED_APPROVALS = 5

export type PolicyRule = {
  name: string
  collection: ReviewableCollection
  /** Warnings only: the rule applies to this severity. */
  severity?: string | null
  /** Articles only: the rule applies to this topic (compared without case or outer spaces). */
  topic?: string | null
  approvals: number
  specialties?: readonly string[] | null
}

export type SignOffPolicy = {
  approvals: number
  specialties: string[]
  /** The rules that made it (empty: the default of one reviewer). */
  rules: string[]
}

export const DEFAULT_POLICY: SignOffPolicy = { approvals: 1, specialties: [], rules: [] }

export type PolicySubject = { collection: ReviewableCollection; severity?: string | null; topic?: string | null }

const fold = (text: string) => text.trim().toLowerCase()

const uniqueFolded = (values: readonly string[]) => {
  const seen = new Map<string, string>()
  for (const value of values) {
    const key = fold(value)
    if (key && !seen.has(key)) seen.set(key, value.trim())
  }
  return [...seen.values()]
}

export function ruleApplies(rule: PolicyRule, subject: PolicySubject): boolean {
  if (rule.collection !== subject.collection) return false
  if (rule.severity && rule.severity !== subject.severity) return false
  if (rule.topic && fold(rule.topic) !== fold(subject.topic ?? '')) return false
  return true
}

const clampApprovals = (n: number) => Math.min(MAX_REQUIRED_APPROVALS, Math.max(1, Math.floor(Number.isFinite(n) ? n : 1)))

/** The policy for a document: the strictest matching rules together. */
export function policyFor(rules: readonly PolicyRule[], subject: PolicySubject): SignOffPolicy {
  const matching = rules.filter((rule) => ruleApplies(rule, subject))
  if (matching.length === 0) return DEFAULT_POLICY
  return {
    approvals: clampApprovals(Math.max(...matching.map((rule) => rule.approvals))),
    specialties: uniqueFolded(matching.flatMap((rule) => rule.specialties ?? [])),
    rules: matching.map((rule) => rule.name),
  }
}

/** The stricter of two policies (a change after submission never lowers the bar). */
export function stricterOf(a: SignOffPolicy, b: SignOffPolicy): SignOffPolicy {
  return {
    approvals: Math.max(a.approvals, b.approvals),
    specialties: uniqueFolded([...a.specialties, ...b.specialties]),
    rules: [...new Set([...a.rules, ...b.rules])],
  }
}

export type CountedApproval = { reviewerId: string; specialties: readonly string[]; versionId: string; contentHash: string }

export type PolicyProgress = {
  met: boolean
  /** Distinct reviewers who approved this version. */
  approvals: number
  required: number
  /** Required specialties no approver holds yet. */
  missingSpecialties: string[]
  /** "1 of 2 approvals; still needs: Obstetrics" */
  summary: string
}

/** How far the approvals of one version are towards its policy. */
export function policyProgress(
  policy: SignOffPolicy,
  approvals: readonly CountedApproval[],
  version: { versionId: string; contentHash: string },
): PolicyProgress {
  const counted = new Map<string, CountedApproval>()
  for (const approval of approvals) {
    if (approval.versionId !== version.versionId || approval.contentHash !== version.contentHash) continue
    if (!counted.has(approval.reviewerId)) counted.set(approval.reviewerId, approval)
  }
  const held = new Set([...counted.values()].flatMap((approval) => approval.specialties.map(fold)))
  const missingSpecialties = policy.specialties.filter((specialty) => !held.has(fold(specialty)))
  const met = counted.size >= policy.approvals && missingSpecialties.length === 0
  return {
    met,
    approvals: counted.size,
    required: policy.approvals,
    missingSpecialties,
    summary: describe(counted.size, policy.approvals, missingSpecialties),
  }
}

function describe(approvals: number, required: number, missing: string[]): string {
  const count = `${Math.min(approvals, required)} of ${required} approval${required === 1 ? '' : 's'}`
  return missing.length > 0 ? `${count}; still needs: ${missing.join(', ')}` : count
}

export type ApprovalCheck = { ok: true; completes: boolean; progress: PolicyProgress } | { ok: false; status: 403 | 409; message: string }

/**
 * Whether this reviewer's approval may be added to the set, and whether it completes it.
 * Refused: a second approval by the same person, and an approval that would fill the last
 * place while a required specialty is still missing (it could never count).
 */
export function checkApproval(policy: SignOffPolicy, approvals: readonly CountedApproval[], candidate: CountedApproval): ApprovalCheck {
  const version = { versionId: candidate.versionId, contentHash: candidate.contentHash }
  const before = policyProgress(policy, approvals, version)
  const already = approvals.some(
    (approval) =>
      approval.reviewerId === candidate.reviewerId &&
      approval.versionId === version.versionId &&
      approval.contentHash === version.contentHash,
  )
  if (already) return { ok: false, status: 409, message: 'You already approved this version: another reviewer must add theirs.' }
  const after = policyProgress(policy, [...approvals, candidate], version)
  const placesLeft = policy.approvals - after.approvals
  if (!after.met && placesLeft <= 0 && after.missingSpecialties.length > 0) {
    return {
      ok: false,
      status: 403,
      message: `This version still needs a reviewer with ${after.missingSpecialties.join(', ')}: ${before.summary}.`,
    }
  }
  return { ok: true, completes: after.met, progress: after }
}

export type RuleProblem = { index: number; message: string }

/** What is wrong with a set of rules an admin is saving (empty when nothing). */
export function validateRules(rules: readonly PolicyRule[]): RuleProblem[] {
  const problems: RuleProblem[] = []
  rules.forEach((rule, index) => {
    if (!rule.name?.trim()) problems.push({ index, message: 'Give the rule a name.' })
    if (!Number.isInteger(rule.approvals) || rule.approvals < 1 || rule.approvals > MAX_REQUIRED_APPROVALS) {
      problems.push({ index, message: `Approvals must be a whole number from 1 to ${MAX_REQUIRED_APPROVALS}.` })
    }
    if (rule.severity && REVIEWABLE[rule.collection].ruleScope !== 'severity')
      problems.push({ index, message: 'Only a rule for warnings can name a severity.' })
    if (rule.topic && REVIEWABLE[rule.collection].ruleScope !== 'topic')
      problems.push({ index, message: 'Only a rule for articles can name a topic.' })
  })
  return problems
}
