// The sign-off policy of one submission and the approvals collected for it, read inside the
// caller's transaction (the pure rules are in src/workflow/policy.ts).
import type { PayloadRequest } from 'payload'
import type { Review, Workflow as ReviewState } from '../../../payload-types'
import {
  contentHash,
  type CountedApproval,
  DEFAULT_POLICY,
  policyFor,
  type PolicyProgress,
  policyProgress,
  type PolicyRule,
  registrationRefusal,
  type ReviewableCollection,
  type SignOffPolicy,
  stricterOf,
} from '../../workflow'
import { type ContentDoc, findPeople, relatedHashes } from './repository'
import { relationId } from '../../lib/document-id'

/** The rules as admins last saved them. */
export async function currentRules(req: PayloadRequest): Promise<PolicyRule[]> {
  const global = await req.payload.findGlobal({ slug: 'review-policy', depth: 0, overrideAccess: true, req })
  return ((global.rules ?? []) as PolicyRule[]).map((rule) => ({ ...rule, specialties: rule.specialties ?? [] }))
}

/** The policy the current rules give this content (a version's own severity and topic). */
export async function policyOfContent(req: PayloadRequest, collection: ReviewableCollection, content: ContentDoc): Promise<SignOffPolicy> {
  const subject = {
    collection,
    severity: typeof content.severity === 'string' ? content.severity : null,
    topic: typeof content.topic === 'string' ? content.topic : null,
  }
  return policyFor(await currentRules(req), subject)
}

const isPolicy = (value: unknown): value is SignOffPolicy =>
  typeof value === 'object' && value !== null && typeof (value as SignOffPolicy).approvals === 'number'

/**
 * What a submitted version needs: the stricter of the policy at submission and the policy
 * now (docs/WORKFLOW.md, Sign-off rules).
 */
export async function policyOfSubmission(
  req: PayloadRequest,
  collection: ReviewableCollection,
  content: ContentDoc,
  reviewState: Pick<ReviewState, 'submittedPolicy'> | null,
): Promise<SignOffPolicy> {
  const now = await policyOfContent(req, collection, content)
  return stricterOf(isPolicy(reviewState?.submittedPolicy) ? reviewState.submittedPolicy : DEFAULT_POLICY, now)
}

/** The approvals given since the version was submitted (earlier ones belong to another round). */
export async function approvalsOfRound(
  req: PayloadRequest,
  collection: ReviewableCollection,
  id: string,
  reviewState: Pick<ReviewState, 'submittedVersion' | 'submittedAt'> | null,
): Promise<Review[]> {
  if (!reviewState?.submittedVersion || !reviewState.submittedAt) return []
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: {
      and: [
        { documentCollection: { equals: collection } },
        { documentId: { equals: id } },
        { decision: { equals: 'approved' } },
        { versionId: { equals: reviewState.submittedVersion } },
        { decidedAt: { greater_than_equal: reviewState.submittedAt } },
      ],
    },
    sort: 'decidedAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs as Review[]
}

/**
 * The approvals that still count: each by someone who is a reviewer now and whose
 * registration has not lapsed since (a role removed or a registration lapsed mid-round takes
 * their approval out of the set).
 */
export async function stillEligible(req: PayloadRequest, reviews: Review[], now = new Date()): Promise<Review[]> {
  const ids = [...new Set(reviews.map(reviewerOf))]
  const eligible = new Set(
    (await findPeople(req, ids, { roles: true, registrations: true }))
      .filter((person) => (person.roles ?? []).includes('reviewer') && registrationRefusal(person.registrations, now) === null)
      .map((person) => String(person.id)),
  )
  return reviews.filter((review) => eligible.has(reviewerOf(review)))
}

export const reviewerOf = (review: Review) => relationId(review.reviewer)!

export const asCounted = (review: Review): CountedApproval => ({
  reviewerId: reviewerOf(review),
  specialties: Array.isArray(review.reviewerSpecialties)
    ? review.reviewerSpecialties.filter((s): s is string => typeof s === 'string')
    : [],
  versionId: review.versionId,
  contentHash: review.contentHash,
})

export type SignOffStatus = { policy: SignOffPolicy; progress: PolicyProgress; approvedBy: string[]; reviewIds: number[] }

/** Where a submission stands against its policy (the panel, the queue, the workflow API). */
export async function signOffStatus(
  req: PayloadRequest,
  collection: ReviewableCollection,
  id: string,
  reviewState: Pick<ReviewState, 'submittedVersion' | 'submittedAt' | 'submittedPolicy'> | null,
  submitted: { id: string; content: ContentDoc },
): Promise<SignOffStatus> {
  const hash = contentHash(collection, submitted.content, await relatedHashes(req, collection, submitted.content, false))
  const policy = await policyOfSubmission(req, collection, submitted.content, reviewState)
  const reviews = await stillEligible(req, await approvalsOfRound(req, collection, id, reviewState))
  const round = reviews.map(asCounted)
  const progress = policyProgress(policy, round, { versionId: submitted.id, contentHash: hash })
  return {
    policy,
    progress,
    approvedBy: [...new Set(round.map((approval) => approval.reviewerId))],
    reviewIds: reviews.map((review) => review.id),
  }
}
