// Reviewers' public profiles (/reviewers/[slug]): who they are, their registration, what they
// declared, and the live articles whose current version they approved. Only people with the
// reviewer role have one; nothing private (e-mail, login) is read.
import 'server-only'
import { unstable_cache } from 'next/cache'
import type { Payload } from 'payload'
import { rows as sqlRows, sql } from './sql'
import { payloadClient } from './payload'
import { onReaderDatabase } from './reader-database'
import { CONTENT_TAGS } from './content-tags'
import { describeRegistration, isCurrent, disclosureText, type Disclosure } from '../workflow'

export type ReviewerProfile = {
  name: string
  slug: string
  credentials: string | null
  specialties: string[]
  bio: string | null
  registrations: { text: string; current: boolean; validUntil: string | null }[]
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
    select: { displayName: true, profileSlug: true, credentials: true, specialties: true, bio: true, registrations: true },
  })
  const person = docs[0]
  if (!person) return null
  const [declared, approved] = await Promise.all([
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
  ])
  const asDisclosure = (row: (typeof declared)[number]): Disclosure => ({ kind: row.kind, statement: row.statement, declaredAt: new Date(row.declared_at).toISOString() })
  return {
    name: person.displayName,
    slug: person.profileSlug!,
    credentials: person.credentials ?? null,
    specialties: person.specialties ?? [],
    bio: person.bio ?? null,
    registrations: (person.registrations ?? []).map((registration) => ({
      text: describeRegistration(registration),
      current: isCurrent(registration, now),
      validUntil: registration.validUntil ?? null,
    })),
    disclosure: disclosureText(declared[0] ? asDisclosure(declared[0]) : null),
    earlierDisclosures: declared.slice(1).map((row) => ({ text: disclosureText(asDisclosure(row)), declaredAt: new Date(row.declared_at).toISOString() })),
    approved: approved.map((row) => ({ title: row.title, slug: row.slug, approvedAt: new Date(row.approved_at).toISOString() })),
  }
}

/** Cached with the content (an approval changes the list) and for at most a minute (a new declaration). */
export const reviewerProfile = (slug: string) =>
  unstable_cache(async () => onReaderDatabase(async () => readReviewerProfile(await payloadClient(), slug)), ['reviewer-profile', slug], {
    tags: [CONTENT_TAGS.all, CONTENT_TAGS.articleList],
    revalidate: 60,
  })()
