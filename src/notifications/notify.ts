// Records notifications and queues their mail, in the caller's transaction: a notification
// exists exactly when the event that caused it committed, and no mail is sent inside it
// (the `sendNotification` job sends it, src/jobs/tasks.ts).
import type { PayloadRequest, Where } from 'payload'
import {
  audience,
  type Candidate,
  composeMail,
  dedupeKey,
  type Delivery,
  type NotificationKind,
  nounOf,
  type ReviewableCollection,
} from '../workflow'
import { rowsInRequest, sql, tableOf } from '../db/sql'
import { serverUrl } from '../lib/server-env'

export const NOTIFICATION_QUEUE = 'notifications'

export type Person = Candidate & { displayName: string }

export type NotificationEvent = {
  kind: NotificationKind
  /** Who to tell (the actor and people with mail turned off are left out). */
  people: readonly Person[]
  actor?: { id: string; name: string } | null
  document?: { collection: ReviewableCollection; id: string; title: string } | null
  /** For events about no document (a registration): what the mail names. */
  title?: string
  detail?: string | null
  /** Where to act; default: the document in the admin. */
  link?: string
  /** What makes this occasion distinct for the same person and document (a round, a due date). */
  occasion: string
}

/** The admin page of a document, or any admin path, as an absolute link for mail. */
export const adminLink = (path: string) => `${serverUrl().replace(/\/$/, '')}/admin${path}`
export const documentLink = (collection: ReviewableCollection, id: string) => adminLink(`/collections/${collection}/${id}`)

/** People matching `where`, with what notifications need to know of them. */
export async function peopleToTell(req: PayloadRequest, where: Where): Promise<Person[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    select: { displayName: true, roles: true, notificationDelivery: true },
    pagination: false,
    overrideAccess: true,
    depth: 0,
    req,
  })
  return docs.map((person) => ({
    id: String(person.id),
    displayName: person.displayName,
    roles: person.roles ?? [],
    delivery: (person.notificationDelivery ?? 'immediate') as Delivery,
  }))
}

export const everyReviewer = (req: PayloadRequest) => peopleToTell(req, { roles: { contains: 'reviewer' } })
export const peopleById = (req: PayloadRequest, ids: readonly (string | number)[]) =>
  ids.length === 0 ? Promise.resolve([]) : peopleToTell(req, { id: { in: [...new Set(ids.map(String))] } })

type Row = { id: number; recipient: string; delivery: 'immediate' | 'digest'; kind: NotificationKind }

/**
 * Writes the events' notifications (each occasion once per person: a repeat is ignored) and
 * queues one mail per person for those who want mail as it happens. Returns the new rows.
 */
export async function notify(req: PayloadRequest, events: readonly NotificationEvent[]): Promise<Row[]> {
  const values = events.flatMap((event) => {
    const split = audience(event.people, event.actor?.id ?? null)
    const names = new Map(event.people.map((person) => [person.id, person.displayName]))
    const title = event.document?.title ?? event.title ?? ''
    const link = event.link ?? (event.document ? documentLink(event.document.collection, event.document.id) : adminLink('/'))
    const { subject } = composeMail({ kind: event.kind, title, noun: event.document ? nounOf(event.document.collection) : null, link })
    const subjectKey = event.document ? `${event.document.collection}:${event.document.id}` : title
    return (['immediate', 'digest'] as const).flatMap((delivery) =>
      split[delivery].map(
        (recipient) =>
          sql`(${Number(recipient)}, ${names.get(recipient) ?? null}, ${event.kind}, ${subject}, ${event.document?.collection ?? null},
          ${event.document?.id ?? null}, ${title}, ${event.actor?.name ?? null}, ${event.detail ?? null}, ${link},
          ${delivery}, 'pending', ${dedupeKey(event.kind, recipient, subjectKey, event.occasion)}, now(), now())`,
      ),
    )
  })
  const rows: Row[] = []
  // Bounded statements: a daily scan may notify thousands at once.
  for (let start = 0; start < values.length; start += 500) {
    rows.push(
      ...(await rowsInRequest<Row>(
        req,
        sql`insert into ${sql.identifier(tableOf(req.payload, 'notifications'))}
          (recipient_id, recipient_name, kind, subject, document_collection, document_id, document_title, actor_name, detail, link,
           delivery, status, dedupe_key, created_at, updated_at)
          values ${sql.join(values.slice(start, start + 500), sql`, `)}
          on conflict (dedupe_key) do nothing
          returning id, recipient_id::text as recipient, delivery::text as delivery, kind::text as kind`,
      )),
    )
  }
  await queueMail(
    req,
    rows.filter((row) => row.delivery === 'immediate'),
  )
  return rows
}

/** One `sendNotification` job per person, with all of their rows. */
export async function queueMail(req: PayloadRequest, rows: readonly { id: number; recipient: string }[]) {
  const byRecipient = new Map<string, number[]>()
  for (const row of rows) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row.id])
  for (const notificationIds of byRecipient.values()) {
    await req.payload.jobs.queue({ task: 'sendNotification', queue: NOTIFICATION_QUEUE, input: { notificationIds }, req })
  }
}
