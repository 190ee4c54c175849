// Sends one person's pending notifications: one mail for one, a digest for several. Runs in
// the `sendNotification` job, never in a request: a slow or failed SMTP server delays mail,
// never a reviewer. Rows are marked sent after the server accepted the mail, so a retry after
// a failure sends again only what was not sent.
import type { PayloadRequest } from 'payload'
import type { Notification } from '../../payload-types'
import { composeDigest, composeMail, type NotificationFacts } from '../workflow'
import { list, rowsInRequest, sql, tableOf } from '../lib/sql'
import { adminLink } from './notify'

export type Delivery = { sent: number; skipped: number; to?: string }

const factsOf = (row: Notification): NotificationFacts => ({
  kind: row.kind,
  title: row.documentTitle ?? row.subject,
  noun: row.documentCollection ? row.documentCollection.slice(0, -1) : null,
  actorName: row.actorName ?? null,
  detail: row.detail ?? null,
  link: row.link,
})

async function mark(req: PayloadRequest, ids: readonly number[], status: 'sent' | 'skipped' | 'failed') {
  if (ids.length === 0) return
  await rowsInRequest(
    req,
    sql`update ${sql.identifier(tableOf(req.payload, 'notifications'))}
        set status = ${status}, sent_at = case when ${status} = 'sent' then now() else sent_at end, updated_at = now()
        where id in (${list([...ids])}) and status = 'pending'`,
  )
}

export async function deliverNotifications(req: PayloadRequest, ids: readonly number[]): Promise<Delivery> {
  if (ids.length === 0) return { sent: 0, skipped: 0 }
  const { docs } = await req.payload.find({
    collection: 'notifications',
    where: { and: [{ id: { in: [...ids] } }, { status: { equals: 'pending' } }] },
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
    depth: 0,
    req,
  })
  const rows = docs as Notification[]
  if (rows.length === 0) return { sent: 0, skipped: 0 }
  const recipientId = typeof rows[0]!.recipient === 'object' ? rows[0]!.recipient.id : rows[0]!.recipient
  // Read without a user: the real address (staff reading people see names in its place).
  const person = await req.payload.findByID({
    collection: 'users',
    id: recipientId,
    select: { email: true, notificationDelivery: true },
    overrideAccess: true,
    disableErrors: true,
    depth: 0,
    req: { ...req, user: null } as PayloadRequest,
  })
  const rowIds = rows.map((row) => row.id)
  if (!person || person.notificationDelivery === 'off') {
    await mark(req, rowIds, 'skipped')
    return { sent: 0, skipped: rowIds.length }
  }
  const mail = rows.length === 1 ? composeMail(factsOf(rows[0]!)) : composeDigest(rows.map(factsOf), adminLink('/account'))
  await req.payload.sendEmail({ to: person.email, subject: mail.subject, text: mail.text, html: mail.html })
  await mark(req, rowIds, 'sent')
  return { sent: rowIds.length, skipped: 0, to: person.email }
}

/** After the last retry: the rows say the mail never went, for admins to see. */
export const markFailed = (req: PayloadRequest, ids: readonly number[]) => mark(req, ids, 'failed')
