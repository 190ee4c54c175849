// The reviewers' queue: what waits for a medical reviewer, most urgent first.
import type { PayloadRequest, Where } from 'payload'
import type { User, Workflow } from '../../payload-types'
import { DUE_SOON_DAYS, dueStatus, type ReviewableCollection } from '../workflow'

const REVIEWABLE: ReviewableCollection[] = ['articles', 'tips', 'warnings']
const system = { overrideAccess: true, depth: 1 } as const

export type QueueItem = {
  collection: ReviewableCollection
  id: string
  title: string | null
  state: Workflow['state']
  submittedVersion?: string | null
  submittedBy?: { id: number; displayName: string } | null
  submittedAt?: string | null
  waitingMinutes?: number
  nextReviewDue?: string | null
  due?: 'overdue' | 'due_soon'
  reason?: string | null
}

export type ReviewQueue = {
  inReview: QueueItem[]
  changesRequested: QueueItem[]
  due: QueueItem[]
  needsReReview: QueueItem[]
}

const person = (value: Workflow['submittedBy']) =>
  value && typeof value === 'object' ? { id: (value as User).id, displayName: (value as User).displayName } : null

function fromWorkflow(row: Workflow, now: Date): QueueItem {
  return {
    collection: row.documentCollection,
    id: row.documentId,
    title: row.documentTitle ?? null,
    state: row.state,
    submittedVersion: row.submittedVersion ?? null,
    submittedBy: person(row.submittedBy),
    submittedAt: row.submittedAt ?? null,
    waitingMinutes: row.submittedAt ? Math.floor((now.getTime() - new Date(row.submittedAt).getTime()) / 60_000) : undefined,
    reason: row.reReviewReason ?? null,
  }
}

async function workflowRows(req: PayloadRequest, where: Where, sort: string) {
  const { docs } = await req.payload.find({ collection: 'workflow', where, sort, limit: 200, req, ...system })
  return docs as Workflow[]
}

export async function reviewQueue(req: PayloadRequest, now = new Date()): Promise<ReviewQueue> {
  const dueBefore = new Date(now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const [inReview, changesRequested, needsReReview] = [
    await workflowRows(req, { state: { equals: 'in_review' } }, 'submittedAt'),
    await workflowRows(req, { state: { equals: 'changes_requested' } }, 'updatedAt'),
    await workflowRows(req, { needsReReview: { equals: true } }, 'updatedAt'),
  ]
  const due: QueueItem[] = []
  for (const collection of REVIEWABLE) {
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ _status: { equals: 'published' } }, { 'review.nextReviewDue': { less_than_equal: dueBefore } }] },
      sort: 'review.nextReviewDue',
      draft: false,
      limit: 200,
      select: { title: true, review: true },
      req,
      overrideAccess: true,
      depth: 0,
    })
    for (const doc of docs) {
      const status = dueStatus(doc.review?.nextReviewDue, now)
      due.push({
        collection,
        id: String(doc.id),
        title: doc.title,
        state: 'published',
        nextReviewDue: doc.review?.nextReviewDue ?? null,
        due: status === 'overdue' ? 'overdue' : 'due_soon',
      })
    }
  }
  due.sort((a, b) => String(a.nextReviewDue).localeCompare(String(b.nextReviewDue)))
  return {
    inReview: inReview.map((row) => fromWorkflow(row, now)),
    changesRequested: changesRequested.map((row) => fromWorkflow(row, now)),
    due,
    needsReReview: needsReReview.map((row) => fromWorkflow(row, now)),
  }
}
