// Reads and writes of workflow records, through Payload's Local API inside the
// caller's request (one transaction), always with overrideAccess: these records
// are written only by the server-side workflow, never by users directly.
import type { PayloadRequest } from 'payload'
import type { Review, User, UsersSelect, Workflow as ReviewState } from '../../../payload-types'
import { nounOf, type RelatedHashes, relationIds, REVIEWABLE, type ReviewableCollection } from '../../workflow'
import { ApiError } from '../../http/errors'
import { canonicalId } from '../../lib/document-id'
import { list, rowsInRequest, sql, tableOf } from '../../db/sql'

const system = { overrideAccess: true, depth: 0 } as const

export const reviewStateKey = (collection: ReviewableCollection, id: string | number) => `${collection}:${id}`

export type ContentDoc = Record<string, unknown> & { id: number; title?: string; _status?: 'draft' | 'published' | null }

/** The document's main row: the published content when it is live. */
export async function findMainRow(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  if (canonicalId(id) !== id) return null
  const doc = await req.payload.findByID({ collection, id, draft: false, req, disableErrors: true, ...system })
  return (doc as ContentDoc | null) ?? null
}

export async function latestVersion(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const { docs } = await req.payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    req,
    ...system,
  })
  const version = docs[0]
  return version ? { id: String(version.id), content: version.version as unknown as ContentDoc } : null
}

export async function findVersion(req: PayloadRequest, collection: ReviewableCollection, versionId: string) {
  const version = await req.payload.findVersionByID({ collection, id: versionId, req, disableErrors: true, ...system })
  return version ? { id: String(version.id), parent: String(version.parent), content: version.version as unknown as ContentDoc } : null
}

export async function findReviewState(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const { docs } = await req.payload.find({
    collection: 'workflow',
    where: { key: { equals: reviewStateKey(collection, id) } },
    limit: 1,
    req,
    ...system,
  })
  return (docs[0] as ReviewState | undefined) ?? null
}

export type ReviewStatePatch = Partial<Omit<ReviewState, 'id' | 'key' | 'documentCollection' | 'documentId' | 'createdAt' | 'updatedAt'>>

/** Updates the document's workflow row, or creates it from `whenNew` (default: a draft) and the patch. */
export async function saveReviewState(
  req: PayloadRequest,
  collection: ReviewableCollection,
  id: string,
  patch: ReviewStatePatch,
  whenNew: ReviewStatePatch = { state: 'draft' },
) {
  const identity = { key: reviewStateKey(collection, id), documentCollection: collection, documentId: id }
  const existing = await findReviewState(req, collection, id)
  if (existing) {
    return req.payload.update({ collection: 'workflow', id: existing.id, data: { ...identity, ...patch }, req, ...system })
  }
  return req.payload.create({ collection: 'workflow', data: { ...identity, state: 'draft', ...whenNew, ...patch }, req, ...system })
}

export async function recordRevision(
  req: PayloadRequest,
  collection: ReviewableCollection,
  id: string,
  versionId: string,
  authorId: number | null,
) {
  await req.payload.create({
    collection: 'revisions',
    data: { documentCollection: collection, documentId: id, versionId, author: authorId, savedAt: new Date().toISOString() },
    req,
    ...system,
  })
}

/** Everyone who saved a version of the document after `since` (all time when null). */
export async function authorsSince(
  req: PayloadRequest,
  collection: ReviewableCollection,
  id: string,
  since: string | null,
): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'revisions',
    where: {
      and: [
        { documentCollection: { equals: collection } },
        { documentId: { equals: id } },
        ...(since ? [{ savedAt: { greater_than: since } }] : []),
      ],
    },
    pagination: false,
    req,
    ...system,
  })
  return [
    ...new Set(
      docs
        .map((doc) => doc.author)
        .filter((author) => author != null)
        .map(String),
    ),
  ]
}

/**
 * `authorsSince` for many documents at once (keys "collection:id"), each since the sign-off of
 * its live version: who may not approve each of them (four eyes). One query.
 */
export async function authorsSinceApprovalOf(req: PayloadRequest, keys: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(keys.map((key) => [key, []]))
  if (keys.length === 0) return result
  const revisions = sql.identifier(tableOf(req.payload, 'revisions'))
  const reviews = sql.identifier(tableOf(req.payload, 'reviews'))
  const rows = await rowsInRequest<{ key: string; author: string }>(
    req,
    sql`select distinct r.document_collection::text || ':' || r.document_id as key, r.author_id::text as author
        from ${revisions} r
        where r.author_id is not null
          and r.document_collection::text || ':' || r.document_id in (${list([...new Set(keys)])})
          and r.saved_at > coalesce((
            select max(coalesce(v.signed_off_at, v.decided_at)) from ${reviews} v
            where v.document_collection::text = r.document_collection::text and v.document_id = r.document_id
              and v.decision in ('approved', 'went_live') and v.publishes
          ), '-infinity'::timestamptz)`,
  )
  for (const row of rows) result.get(row.key)?.push(row.author)
  return result
}

export async function reviewHistory(req: PayloadRequest, collection: ReviewableCollection, id: string, limit = 50) {
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: { and: [{ documentCollection: { equals: collection } }, { documentId: { equals: id } }] },
    sort: '-decidedAt',
    limit,
    req,
    ...system,
  })
  return docs as Review[]
}

/**
 * The record that last made a version live: the approval that completed its policy, or for a
 * held sign-off its go-live (an approval still short of its policy, or held, is not one).
 */
export async function lastApproval(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: {
      and: [
        { documentCollection: { equals: collection } },
        { documentId: { equals: id } },
        { decision: { in: ['approved', 'went_live'] } },
        { publishes: { equals: true } },
      ],
    },
    sort: '-decidedAt',
    limit: 1,
    req,
    ...system,
  })
  return (docs[0] as Review | undefined) ?? null
}

/** People by id, with the given fields only (the server's read: no field access applies). */
export async function findPeople(req: PayloadRequest, ids: (string | number)[], select: UsersSelect) {
  if (ids.length === 0) return [] as User[]
  const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, select, pagination: false, req, ...system })
  return docs as User[]
}

export type ReviewRecord = Omit<Review, 'id' | 'createdAt' | 'updatedAt'>

export async function createReview(req: PayloadRequest, record: ReviewRecord) {
  return req.payload.create({ collection: 'reviews', data: record, req, ...system })
}

/** Tips and warnings going live in the same release ("tips:12"): their held sign-off's hash, or null while not approved. */
export type PendingHashes = ReadonlyMap<string, string | null>

/**
 * The approved hashes of the shared content a document shows (none for a collection that shows
 * none). With `strict`, any that is not published is refused: the page would silently lack it.
 * One in `pending` counts with the hash it goes live with in the release (strict: refused until
 * approved).
 */
export async function relatedHashes(
  req: PayloadRequest,
  showing: ReviewableCollection,
  doc: ContentDoc,
  strict: boolean,
  pending?: PendingHashes,
): Promise<RelatedHashes | undefined> {
  if (REVIEWABLE[showing].shows.length === 0) return undefined
  const result: RelatedHashes = { tips: [], warnings: [] }
  for (const collection of REVIEWABLE[showing].shows) {
    const ids = relationIds(doc[collection])
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      draft: false,
      pagination: false,
      req,
      ...system,
    })
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    for (const id of ids) {
      const doc = byId.get(id)
      const inRelease = pending?.has(`${collection}:${id}`) ?? false
      const hash = inRelease
        ? pending!.get(`${collection}:${id}`)!
        : doc?._status === 'published'
          ? (doc.review?.contentHash ?? null)
          : null
      if (strict && !hash) {
        const name = doc?.title ? `"${doc.title}"` : `#${id}`
        const where = inRelease ? 'in this release ' : ''
        throw new ApiError(409, `The ${nounOf(collection)} ${name} ${where}is not approved yet: approve it before the ${nounOf(showing)}.`)
      }
      result[collection].push({ id, hash })
    }
  }
  return result
}

/** Published articles that show this tip or warning. */
export async function publishedArticlesUsing(req: PayloadRequest, collection: 'tips' | 'warnings', id: string) {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ [collection]: { in: [id] } }, { _status: { equals: 'published' } }] },
    draft: false,
    pagination: false,
    select: { title: true },
    req,
    ...system,
  })
  return docs
}
