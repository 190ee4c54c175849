// The reviewers' queue: what waits for a medical reviewer, most urgent first.
import type { PayloadRequest, Where } from 'payload'
import type { Review, User, Workflow as ReviewState } from '../../../payload-types'
import {
  DEFAULT_POLICY,
  DUE_SOON_DAYS,
  dueStatus,
  REVIEWABLE_COLLECTIONS,
  type ReviewableCollection,
  type SignOffPolicy,
} from '../../workflow'
import { rowsInRequest, sql, tableOf } from '../../db/sql'
import { relationId } from '../../lib/document-id'
import { type FeedbackItem, feedbackQueue } from '../../feedback/queue'

const system = { overrideAccess: true, depth: 1 } as const

export type QueueItem = {
  collection: ReviewableCollection
  id: string
  title: string | null
  state: ReviewState['state']
  submittedVersion?: string | null
  submittedBy?: { id: number; displayName: string } | null
  submittedAt?: string | null
  waitingMinutes?: number
  nextReviewDue?: string | null
  due?: 'overdue' | 'due_soon'
  reason?: string | null
  /** In review: approvals so far and needed at submission ("1 of 2 approvals"). */
  signOff?: { approvals: number; required: number; summary: string }
  /** In review: reviewers who approved it already (they cannot count twice). */
  approvedBy?: string[]
  /** In review: the reviewers it was assigned to (empty: anyone). */
  assignedTo?: { id: number; displayName: string }[]
  /** Approved, not live yet: when it goes live on its own (null: with its release). */
  goLiveAt?: string | null
}

export type QueueSection = 'assignedToMe' | 'inReview' | 'changesRequested' | 'due' | 'needsReReview' | 'waitingToGoLive'

/** Each section lists its most urgent items (at most `limit`); `totals` counts them all. */
export type ReviewQueue = Record<QueueSection, QueueItem[]> & {
  /** What readers reported, "something is wrong" first (src/feedback/queue.ts). */
  readerFeedback: FeedbackItem[]
  totals: Record<QueueSection | 'readerFeedback', number>
}

/** Enough for a screen; a publisher with thousands of articles still gets the exact totals. */
export const QUEUE_LIMIT = 50

const person = (value: ReviewState['submittedBy']) =>
  value && typeof value === 'object' ? { id: (value as User).id, displayName: (value as User).displayName } : null

function fromWorkflow(row: ReviewState, now: Date): QueueItem {
  return {
    collection: row.documentCollection,
    id: row.documentId,
    title: row.documentTitle ?? null,
    state: row.state,
    submittedVersion: row.submittedVersion ?? null,
    submittedBy: person(row.submittedBy),
    submittedAt: row.submittedAt ?? null,
    waitingMinutes: row.submittedAt ? Math.floor((now.getTime() - new Date(row.submittedAt).getTime()) / 60_000) : undefined,
    reason:
      row.state === 'approved'
        ? row.goLiveAt
          ? `Goes live ${row.goLiveAt.slice(0, 16).replace('T', ' ')} UTC`
          : 'Goes live with its release'
        : (row.reReviewReason ?? null),
    goLiveAt: row.goLiveAt ?? null,
    ...(row.state === 'in_review' ? { signOff: progress(0, requiredApprovals(row.submittedPolicy)) } : {}),
    assignedTo: (row.assignedTo ?? []).map(person).filter((p): p is { id: number; displayName: string } => p !== null),
  }
}

const WORKFLOW_COLUMNS = {
  documentCollection: true,
  documentId: true,
  documentTitle: true,
  state: true,
  submittedVersion: true,
  submittedBy: true,
  submittedAt: true,
  reReviewReason: true,
  submittedPolicy: true,
  assignedTo: true,
  goLiveAt: true,
} as const

async function workflowRows(req: PayloadRequest, where: Where, sort: string, limit: number, now: Date) {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'workflow',
    where,
    sort,
    limit,
    select: WORKFLOW_COLUMNS,
    populate: { users: { displayName: true } },
    req,
    ...system,
  })
  return { items: (docs as ReviewState[]).map((row) => fromWorkflow(row, now)), total: totalDocs }
}

async function dueRows(req: PayloadRequest, collection: ReviewableCollection, dueBefore: string, limit: number, now: Date) {
  const { docs, totalDocs } = await req.payload.find({
    collection,
    where: { and: [{ _status: { equals: 'published' } }, { 'review.nextReviewDue': { less_than_equal: dueBefore } }] },
    sort: 'review.nextReviewDue',
    draft: false,
    limit,
    select: { title: true, review: { nextReviewDue: true } },
    req,
    overrideAccess: true,
    depth: 0,
  })
  const items = docs.map((doc): QueueItem => ({
    collection,
    id: String(doc.id),
    title: doc.title,
    state: 'published',
    nextReviewDue: doc.review?.nextReviewDue ?? null,
    due: dueStatus(doc.review?.nextReviewDue, now) === 'overdue' ? 'overdue' : 'due_soon',
  }))
  return { items, total: totalDocs }
}

type QueueOptions = { now?: Date; limit?: number }

export async function reviewQueue(req: PayloadRequest, { now = new Date(), limit = QUEUE_LIMIT }: QueueOptions = {}): Promise<ReviewQueue> {
  const dueBefore = new Date(now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000).toISOString()
  // Independent reads, so they run side by side (inside a transaction they simply queue on its connection).
  const me = req.user ? String(req.user.id) : null
  const [readerFeedback, assignedToMe, inReview, changesRequested, needsReReview, waitingToGoLive, ...dueLists] = await Promise.all([
    feedbackQueue(req, limit),
    me
      ? workflowRows(req, { and: [{ state: { equals: 'in_review' } }, { assignedTo: { equals: me } }] }, 'submittedAt', limit, now)
      : Promise.resolve({ items: [] as QueueItem[], total: 0 }),
    workflowRows(req, { state: { equals: 'in_review' } }, 'submittedAt', limit, now),
    workflowRows(req, { state: { equals: 'changes_requested' } }, 'updatedAt', limit, now),
    workflowRows(req, { needsReReview: { equals: true } }, 'updatedAt', limit, now),
    // Signed off and held (releases, scheduled go-lives): soonest first, those with a release after.
    workflowRows(req, { state: { equals: 'approved' } }, 'goLiveAt', limit, now),
    ...REVIEWABLE_COLLECTIONS.map((collection) => dueRows(req, collection, dueBefore, limit, now)),
  ])
  await addSignOffProgress(req, [...assignedToMe.items, ...inReview.items])
  const due = dueLists.flatMap((list) => list.items)
  due.sort((a, b) => String(a.nextReviewDue).localeCompare(String(b.nextReviewDue)))
  return {
    assignedToMe: assignedToMe.items,
    inReview: inReview.items,
    changesRequested: changesRequested.items,
    due: due.slice(0, limit),
    needsReReview: needsReReview.items,
    waitingToGoLive: waitingToGoLive.items,
    readerFeedback: readerFeedback.items,
    totals: {
      readerFeedback: readerFeedback.total,
      assignedToMe: assignedToMe.total,
      inReview: inReview.total,
      changesRequested: changesRequested.total,
      due: dueLists.reduce((sum, list) => sum + list.total, 0),
      needsReReview: needsReReview.total,
      waitingToGoLive: waitingToGoLive.total,
    },
  }
}

/**
 * Submissions whose sign-off is under way: in review, with at least one approval of the
 * submitted version in this round (oldest first), however many others wait with none.
 */
export async function signOffsUnderWay(
  req: PayloadRequest,
  { now = new Date(), limit = QUEUE_LIMIT }: QueueOptions = {},
): Promise<QueueItem[]> {
  const workflow = sql.identifier(tableOf(req.payload, 'workflow'))
  const reviews = sql.identifier(tableOf(req.payload, 'reviews'))
  const keys = await rowsInRequest<{ key: string }>(
    req,
    sql`select w.key from ${workflow} w
        where w.state = 'in_review' and exists (
          select 1 from ${reviews} v
          where v.document_collection::text = w.document_collection::text and v.document_id = w.document_id
            and v.decision = 'approved' and not v.publishes
            and v.version_id = w.submitted_version and v.decided_at >= w.submitted_at)
        order by w.submitted_at
        limit ${limit}`,
  )
  if (keys.length === 0) return []
  const { items } = await workflowRows(req, { key: { in: keys.map((row) => row.key) } }, 'submittedAt', limit, now)
  await addSignOffProgress(req, items)
  return items
}

/** Approvals the policy at submission asked for (its snapshot on the workflow row). */
const requiredApprovals = (snapshot: unknown) =>
  Math.max(1, Number((snapshot as Partial<SignOffPolicy> | null | undefined)?.approvals) || DEFAULT_POLICY.approvals)

function progress(approvals: number, required: number) {
  const counted = Math.min(approvals, required)
  return { approvals: counted, required, summary: `${counted} of ${required} approval${required === 1 ? '' : 's'}` }
}

/**
 * How far each submission is towards the policy it was submitted under, from one read of the
 * approvals given since (the review panel checks the content hash and the current rules too).
 */
async function addSignOffProgress(req: PayloadRequest, items: QueueItem[]) {
  const pending = items.filter((item) => item.submittedVersion && item.submittedAt)
  if (pending.length === 0) return
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: {
      and: [
        { decision: { equals: 'approved' } },
        { publishes: { equals: false } },
        { versionId: { in: pending.map((item) => item.submittedVersion!) } },
      ],
    },
    select: { documentCollection: true, documentId: true, versionId: true, reviewer: true, decidedAt: true },
    pagination: false,
    req,
    overrideAccess: true,
    depth: 0,
  })
  for (const item of pending) {
    const reviewers = new Set(
      (docs as Review[])
        .filter(
          (review) =>
            review.documentCollection === item.collection &&
            review.documentId === item.id &&
            review.versionId === item.submittedVersion &&
            review.decidedAt >= item.submittedAt!,
        )
        .map((review) => relationId(review.reviewer)!),
    )
    item.signOff = progress(reviewers.size, item.signOff?.required ?? DEFAULT_POLICY.approvals)
    item.approvedBy = [...reviewers]
  }
}
