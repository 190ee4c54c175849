// "My work": what one person has to do and what they are waiting for. Assigned to me (not yet
// approved by me), approvals still needed (a sign-off under way that I could add to), my
// documents and where they stand, and what I was last told.
import type { PayloadRequest } from 'payload'
import type { Notification, User } from '../../../payload-types'
import type { ReviewableCollection } from '../../workflow'
import { rowsInRequest, sql, tableOf } from '../../db/sql'
import { type QueueItem, reviewQueue, signOffsUnderWay } from './queue'
import { authorsSinceApprovalOf } from '../data/repository'

export type MyDocument = { collection: ReviewableCollection; id: string; title: string | null; state: string; lastSavedAt: string }
export type MyWork = {
  assignedToMe: QueueItem[]
  approvalsNeeded: QueueItem[]
  myDocuments: MyDocument[]
  notifications: Pick<Notification, 'id' | 'subject' | 'link' | 'status' | 'createdAt'>[]
}

const MY_DOCUMENTS = 20
const RECENT_NOTIFICATIONS = 10

export async function myWork(req: PayloadRequest): Promise<MyWork> {
  const user = req.user as User
  const me = String(user.id)
  const isReviewer = user.roles?.includes('reviewer') ?? false
  const [queue, underWay, myDocuments, notifications] = await Promise.all([
    isReviewer ? reviewQueue(req) : null,
    isReviewer ? signOffsUnderWay(req) : [],
    documentsBy(req, user.id),
    req.payload.find({
      collection: 'notifications',
      where: { recipient: { equals: user.id } },
      sort: '-createdAt',
      limit: RECENT_NOTIFICATIONS,
      select: { subject: true, link: true, status: true, createdAt: true },
      overrideAccess: true,
      depth: 0,
      req,
    }),
  ])
  // Four eyes: what I edited since its last approval is not mine to approve.
  const keyOf = (item: QueueItem) => `${item.collection}:${item.id}`
  const authors = await authorsSinceApprovalOf(req, [...(queue?.assignedToMe ?? []), ...underWay].map(keyOf))
  const waitingForMe = (item: QueueItem) => !(item.approvedBy ?? []).includes(me) && !(authors.get(keyOf(item)) ?? []).includes(me)
  // Assigned to others who may still approve it: theirs. Unassigned, assigned to me, or every
  // assignee has approved and it still needs more: anyone's, mine included.
  const openToMe = (item: QueueItem) =>
    (item.assignedTo ?? []).every((person) => String(person.id) === me || (item.approvedBy ?? []).includes(String(person.id)))
  return {
    assignedToMe: (queue?.assignedToMe ?? []).filter(waitingForMe),
    // Sign-offs under way (some approvals, not enough) that I could add to.
    approvalsNeeded: underWay.filter(
      (item) => waitingForMe(item) && openToMe(item) && (item.signOff?.approvals ?? 0) < (item.signOff?.required ?? 1),
    ),
    myDocuments,
    notifications: notifications.docs as MyWork['notifications'],
  }
}

/** Documents this person saved, latest first, with their review state. */
async function documentsBy(req: PayloadRequest, userId: number): Promise<MyDocument[]> {
  const revisions = sql.identifier(tableOf(req.payload, 'revisions'))
  const workflow = sql.identifier(tableOf(req.payload, 'workflow'))
  const rows = await rowsInRequest<{
    collection: ReviewableCollection
    id: string
    title: string | null
    state: string | null
    last_saved: string | Date
  }>(
    req,
    sql`select r.document_collection::text as collection, r.document_id as id, w.document_title as title, w.state::text as state,
               max(r.saved_at) as last_saved
        from ${revisions} r left join ${workflow} w on w.key = r.document_collection::text || ':' || r.document_id
        where r.author_id = ${userId}
        group by r.document_collection, r.document_id, w.document_title, w.state
        order by last_saved desc
        limit ${MY_DOCUMENTS}`,
  )
  return rows.map((row) => ({
    collection: row.collection,
    id: row.id,
    title: row.title,
    state: row.state ?? 'draft',
    lastSavedAt: new Date(row.last_saved).toISOString(),
  }))
}
