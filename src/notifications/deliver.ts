// Sends one person's pending notifications: one mail for one, a digest for several. Runs in
// the `sendNotification` job, never in a request: a slow or failed SMTP server delays mail,
// never a reviewer. A send first claims its rows (pending -> sending, atomically), so two
// jobs naming the same rows never both send them; a failed send gives them back (pending) for
// the retry, and a success marks them sent.
import type { PayloadRequest } from 'payload'
import type { Notification } from '../../payload-types'
import { composeDigest, composeMail, type NotificationFacts, nounOf } from '../workflow'
import { list, rowsInRequest, sql, tableOf } from '../db/sql'
import { adminLink } from './notify'
import { relationId } from '../lib/document-id'

export type Delivery = { sent: number; skipped: number; to?: string }
type Status = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed'

const factsOf = (row: Notification): NotificationFacts => ({
  kind: row.kind,
  title: row.documentTitle ?? row.subject,
  noun: row.documentCollection ? nounOf(row.documentCollection) : null,
  actorName: row.actorName ?? null,
  detail: row.detail ?? null,
  link: row.link,
})

/** Moves the rows that are `from` to `to`; returns the ids it moved. */
async function move(req: PayloadRequest, ids: readonly number[], from: Status, to: Status): Promise<number[]> {
  if (ids.length === 0) return []
  const moved = await rowsInRequest<{ id: number }>(
    req,
    sql`update ${sql.identifier(tableOf(req.payload, 'notifications'))}
        set status = ${to}, sent_at = case when ${to} = 'sent' then now() else sent_at end, updated_at = now()
        where id in (${list([...ids])}) and status = ${from}
        returning id`,
  )
  return moved.map((row) => row.id)
}

export async function deliverNotifications(req: PayloadRequest, ids: readonly number[]): Promise<Delivery> {
  const claimed = await move(req, ids, 'pending', 'sending')
  if (claimed.length === 0) return { sent: 0, skipped: 0 }
  try {
    const { docs } = await req.payload.find({
      collection: 'notifications',
      where: { id: { in: claimed } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
      depth: 0,
      req,
    })
    const rows = docs as Notification[]
    const recipientId = relationId(rows[0]!.recipient)!
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
    if (!person || person.notificationDelivery === 'off') {
      await move(req, claimed, 'sending', 'skipped')
      return { sent: 0, skipped: claimed.length }
    }
    const mail = rows.length === 1 ? composeMail(factsOf(rows[0]!)) : composeDigest(rows.map(factsOf), adminLink('/account'))
    await req.payload.sendEmail({ to: person.email, subject: mail.subject, text: mail.text, html: mail.html })
    await move(req, claimed, 'sending', 'sent')
    return { sent: claimed.length, skipped: 0, to: person.email }
  } catch (error) {
    await move(req, claimed, 'sending', 'pending')
    throw error
  }
}

/** After the last retry: the rows say the mail never went, for admins to see. */
export const markFailed = async (req: PayloadRequest, ids: readonly number[]) => {
  await move(req, ids, 'pending', 'failed')
}
