// Reviewers' public profiles (/reviewers/[slug]): who they are, their registration, what they
// declared, and the live articles whose current version they approved. Only people with the
// reviewer role have one. Credentials and specialties are as on their latest approval record
// (what they signed under), never an unreviewed profile edit; registrations say the body and
// whether one is current, verified by an admin, not the number (which only admins and the person
// see); a bio is not shown.
import 'server-only'
import { unstable_cache } from 'next/cache'
import type { Payload } from 'payload'
import { rows as sqlRows, sql } from '../db/sql'
import { payloadClient } from './payload'
import { onReaderDatabase } from '../db/reader-database'
import { CONTENT_TAGS } from '../cache/content-tags'
import { isCurrent, disclosureText, type Disclosure } from '../workflow'

export type ReviewerProfile = {
  name: string
  slug: string
  credentials: string | null
  specialties: string[]
  registrations: { body: string; current: boolean; validUntil: string | null }[]
  disclosure: string
  earlierDisclosures: { text: string; declaredAt: string }[]
  approved: { title: string; slug: string; approvedAt: string }[]
}

const MAX_LISTED_ARTICLES = 200

export async function readReviewerProfile(payload: Payload, slug: string, now = new Date()): Promise<ReviewerProfile | null> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { and: [{ profileSlug: { equals: slug } }, { roles: { in: ['reviewer'] } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { displayName: true, profileSlug: true, registrations: true },
  })
  const person = docs[0]
  if (!person) return null
  const [declared, approved, [signed]] = await Promise.all([
    sqlRows<{ kind: Disclosure['kind']; statement: string | null; declared_at: string | Date }>(
      payload,
      sql`select kind, statement, declared_at from disclosures where person_id = ${person.id} order by declared_at desc, id desc limit 20`,
    ),
    sqlRows<{ title: string; slug: string; approved_at: string | Date }>(
      payload,
      sql`select a.title, a.slug, max(r.decided_at) as approved_at
          from articles a join reviews r on r.document_collection = 'articles' and r.document_id = a.id::text
          where a._status = 'published' and r.reviewer_id = ${person.id} and r.decision = 'approved' and r.content_hash = a.review_content_hash
          group by a.id, a.title, a.slug order by max(r.decided_at) desc limit ${MAX_LISTED_ARTICLES}`,
    ),
    sqlRows<{ credentials: string | null; specialties: unknown }>(
      payload,
      sql`select reviewer_credentials as credentials, reviewer_specialties as specialties from reviews
          where reviewer_id = ${person.id} and decision = 'approved' order by decided_at desc limit 1`,
    ),
  ])
  const asDisclosure = (row: (typeof declared)[number]): Disclosure => ({
    kind: row.kind,
    statement: row.statement,
    declaredAt: new Date(row.declared_at).toISOString(),
  })
  return {
    name: person.displayName,
    slug: person.profileSlug!,
    credentials: signed?.credentials ?? null,
    specialties: Array.isArray(signed?.specialties) ? signed.specialties.filter((s): s is string => typeof s === 'string') : [],
    registrations: (person.registrations ?? [])
      .filter((registration) => registration.verifiedAt)
      .map((registration) => ({
        body: registration.body,
        current: isCurrent(registration, now),
        validUntil: registration.validUntil ?? null,
      })),
    disclosure: disclosureText(declared[0] ? asDisclosure(declared[0]) : null),
    earlierDisclosures: declared
      .slice(1)
      .map((row) => ({ text: disclosureText(asDisclosure(row)), declaredAt: new Date(row.declared_at).toISOString() })),
    approved: approved.map((row) => ({ title: row.title, slug: row.slug, approvedAt: new Date(row.approved_at).toISOString() })),
  }
}

/** Cached with the content (an approval changes the list) and for at most a minute (a new declaration). */
export const reviewerProfile = (slug: string) =>
  unstable_cache(async () => onReaderDatabase(async () => readReviewerProfile(await payloadClient(), slug)), ['reviewer-profile', slug], {
    tags: [CONTENT_TAGS.all, CONTENT_TAGS.articleList],
    revalidate: 60,
  })()
