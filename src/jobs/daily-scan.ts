// The daily scan: reminders nobody has to remember to ask for. Submissions short of their
// sign-off for two days, reviews due within 30 days or overdue, registrations about to lapse;
// then the day's digests. Each occasion is recorded once per person (src/notifications/notify.ts), so a second
// run on the same day, or after a failure, tells nobody twice; a row is sent by the one job
// that claims it (src/notifications/deliver.ts).
import { LINK_CHECK_QUEUE } from '../evidence/link-checks'
import type { PayloadRequest } from 'payload'
import type { Review, User, Workflow as ReviewState } from '../../payload-types'
import {
  APPROVAL_REMINDER_DAYS,
  approvalOverdue,
  DEFAULT_POLICY,
  HEADS_UP_DAYS,
  REVIEWABLE_COLLECTIONS,
  type ReviewableCollection,
  reviewersToAsk,
  type SignOffPolicy,
} from '../workflow'
import { authorsSinceApprovalOf } from '../review/data/repository'
import { inTransaction } from '../db/transactions'
import { relationId } from '../lib/document-id'
import { adminLink, everyReviewer, type NotificationEvent, notify, type Person, queueMail } from '../notifications/notify'
import { rowsInRequest, sql, tableOf } from '../db/sql'

const DAY_MS = 86_400_000
const system = { overrideAccess: true, depth: 0, pagination: false } as const

const day = (date: string | Date) => new Date(date).toISOString().slice(0, 10)

export type DailyScan = { approvalNeeded: number; dueOrOverdue: number; registrations: number; digests: number }

export async function runDailyScan(req: PayloadRequest, now = new Date()): Promise<DailyScan> {
  const reviewers = await everyReviewer(req)
  const events = [
    ...(await approvalReminders(req, reviewers, now)),
    ...(await dueReviews(req, reviewers, now)),
    ...(await lapsingRegistrations(req, reviewers, now)),
  ]
  // Rows and their mail jobs commit together (a job runs outside any transaction of its own),
  // and one notify call makes the day's reminders one mail per person.
  const rows = await inTransaction(req, () => notify(req, events))
  const kinds = new Map(rows.map((row) => [row.id, row.kind]))
  const count = (...wanted: string[]) => [...kinds.values()].filter((kind) => wanted.includes(kind)).length
  await inTransaction(req, () => requeueAbandoned(req))
  const digests = await inTransaction(req, () => queueDigests(req))
  // Sources not checked for a week have their links checked again, in the background.
  await req.payload.jobs.queue({ task: 'checkSourceLinks', queue: LINK_CHECK_QUEUE, input: {}, req })
  return {
    approvalNeeded: count('approval_needed'),
    dueOrOverdue: count('review_due', 'review_overdue'),
    registrations: count('registration_lapsing'),
    digests,
  }
}

/** Rows a send claimed and never finished (its process died): back to pending, and queued again. */
async function requeueAbandoned(req: PayloadRequest) {
  const rows = await rowsInRequest<{ id: number; recipient: string; delivery: string }>(
    req,
    sql`update ${sql.identifier(tableOf(req.payload, 'notifications'))} set status = 'pending', updated_at = now()
        where status = 'sending' and updated_at < now() - interval '1 hour'
        returning id, recipient_id::text as recipient, delivery::text as delivery`,
  )
  await queueMail(
    req,
    rows.filter((row) => row.delivery === 'immediate'),
  )
}

/** Submissions waiting two days or more: the reviewers who could still complete them. */
async function approvalReminders(req: PayloadRequest, reviewers: Person[], now: Date): Promise<NotificationEvent[]> {
  const { docs } = await req.payload.find({
    collection: 'workflow',
    where: {
      and: [
        { state: { equals: 'in_review' } },
        { submittedAt: { less_than_equal: new Date(now.getTime() - APPROVAL_REMINDER_DAYS * DAY_MS).toISOString() } },
      ],
    },
    select: {
      documentCollection: true,
      documentId: true,
      documentTitle: true,
      submittedVersion: true,
      submittedAt: true,
      assignedTo: true,
      submittedPolicy: true,
    },
    req,
    ...system,
  })
  const waiting = (docs as ReviewState[]).filter((row) => row.submittedAt && row.submittedVersion && approvalOverdue(row.submittedAt, now))
  if (waiting.length === 0) return []
  const { docs: approvals } = await req.payload.find({
    collection: 'reviews',
    where: {
      and: [
        { decision: { equals: 'approved' } },
        { publishes: { equals: false } },
        { versionId: { in: waiting.map((row) => row.submittedVersion!) } },
      ],
    },
    select: { documentId: true, documentCollection: true, versionId: true, reviewer: true, decidedAt: true },
    req,
    ...system,
  })
  const authorsOf = await authorsSinceApprovalOf(
    req,
    waiting.map((row) => `${row.documentCollection}:${row.documentId}`),
  )
  const events: NotificationEvent[] = []
  for (const row of waiting) {
    const approvedBy = (approvals as Review[])
      .filter((review) => review.documentCollection === row.documentCollection && review.documentId === row.documentId)
      .filter((review) => review.versionId === row.submittedVersion && review.decidedAt >= row.submittedAt!)
      .map((review) => relationId(review.reviewer)!)
    const authors = authorsOf.get(`${row.documentCollection}:${row.documentId}`) ?? []
    const required = Math.max(1, Number((row.submittedPolicy as Partial<SignOffPolicy> | null)?.approvals) || DEFAULT_POLICY.approvals)
    const given = new Set(approvedBy).size
    events.push({
      kind: 'approval_needed',
      people: reviewersToAsk(reviewers, {
        assignees: (row.assignedTo ?? []).map((value) => relationId(value)!),
        authors,
        approvedBy,
      }) as Person[],
      document: { collection: row.documentCollection, id: row.documentId, title: row.documentTitle ?? '' },
      detail: `Submitted ${day(row.submittedAt!)}; ${Math.min(given, required)} of ${required} approval${required === 1 ? '' : 's'} so far.`,
      occasion: row.submittedAt!,
    })
  }
  return events
}

/** Live content due for review within 30 days, or overdue: its last approvers, else every reviewer. */
async function dueReviews(req: PayloadRequest, reviewers: Person[], now: Date): Promise<NotificationEvent[]> {
  const reviewerById = new Map(reviewers.map((person) => [person.id, person]))
  const horizon = new Date(now.getTime() + HEADS_UP_DAYS * DAY_MS).toISOString()
  const events: NotificationEvent[] = []
  for (const collection of REVIEWABLE_COLLECTIONS) {
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ _status: { equals: 'published' } }, { 'review.nextReviewDue': { less_than_equal: horizon } }] },
      select: { title: true, review: { nextReviewDue: true, approvedVersion: true } },
      draft: false,
      req,
      ...system,
    })
    const approvers = await approversOfVersions(
      req,
      collection,
      docs.map((doc) => doc.review?.approvedVersion).filter((id): id is string => Boolean(id)),
    )
    for (const doc of docs) {
      const due = doc.review?.nextReviewDue
      if (!due) continue
      const overdue = new Date(due).getTime() <= now.getTime()
      const theirs = (approvers.get(doc.review?.approvedVersion ?? '') ?? [])
        .map((id) => reviewerById.get(id))
        .filter((p): p is Person => !!p)
      events.push({
        kind: overdue ? 'review_overdue' : 'review_due',
        people: theirs.length > 0 ? theirs : reviewers,
        document: { collection, id: String(doc.id), title: doc.title },
        detail: `${overdue ? 'Review was due' : 'Review due'} ${day(due)}.`,
        occasion: day(due),
      })
    }
  }
  return events
}

/** Who approved each of these versions. */
async function approversOfVersions(req: PayloadRequest, collection: ReviewableCollection, versionIds: string[]) {
  const result = new Map<string, string[]>()
  for (let start = 0; start < versionIds.length; start += 1000) {
    const { docs } = await req.payload.find({
      collection: 'reviews',
      where: {
        and: [
          { documentCollection: { equals: collection } },
          { decision: { equals: 'approved' } },
          { versionId: { in: versionIds.slice(start, start + 1000) } },
        ],
      },
      select: { versionId: true, reviewer: true },
      req,
      ...system,
    })
    for (const review of docs as Review[])
      result.set(review.versionId, [...(result.get(review.versionId) ?? []), relationId(review.reviewer)!])
  }
  return result
}

/** Reviewers whose registration lapses within 30 days, or has lapsed: the person themselves. */
async function lapsingRegistrations(req: PayloadRequest, reviewers: Person[], now: Date): Promise<NotificationEvent[]> {
  if (reviewers.length === 0) return []
  const horizon = now.getTime() + HEADS_UP_DAYS * DAY_MS
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: reviewers.map((person) => person.id) } },
    select: { registrations: true },
    req,
    ...system,
  })
  const byId = new Map(reviewers.map((person) => [person.id, person]))
  return (docs as User[]).flatMap((person) =>
    (person.registrations ?? [])
      .filter((registration) => new Date(registration.validUntil).getTime() <= horizon)
      .map((registration): NotificationEvent => {
        const lapsed = new Date(registration.validUntil).getTime() <= now.getTime()
        return {
          kind: 'registration_lapsing',
          people: [byId.get(String(person.id))!],
          title: `${registration.body} ${registration.number}`,
          detail: `${lapsed ? 'Lapsed' : 'Valid until'} ${day(registration.validUntil)}.`,
          link: adminLink('/account'),
          occasion: `${registration.number}:${day(registration.validUntil)}`,
        }
      }),
  )
}

/** One mail per person who chose the daily digest, with everything still unsent. */
async function queueDigests(req: PayloadRequest): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'notifications',
    where: { and: [{ delivery: { equals: 'digest' } }, { status: { equals: 'pending' } }] },
    select: { recipient: true },
    req,
    ...system,
  })
  const rows = docs.map((row) => ({ id: row.id, recipient: relationId(row.recipient)! }))
  await queueMail(req, rows)
  return new Set(rows.map((row) => row.recipient)).size
}
