// Content hashing: the fingerprint a reviewer signs. Canonical JSON (sorted keys)
// of the reviewable fields only, so bookkeeping (ids of array rows, timestamps,
// review metadata) never changes the hash, and any change to what readers see does.
import { createHash } from 'node:crypto'
import { CITED_FIELDS, REFERENCE_FIELDS } from './evidence'
import { REVIEWABLE, type ReviewableCollection, type SharedCollection } from './reviewable'

/** The fields a reviewer signs off, per collection. Relationships are handled apart. */
export const REVIEWED_FIELDS: Record<ReviewableCollection, readonly string[]> = {
  articles: ['title', 'slug', 'summary', 'topic', 'audience', 'releaseDate', 'body', 'references', 'disclaimer'],
  tips: ['title', 'slug', 'body', 'category', 'stage'],
  warnings: ['title', 'slug', 'severity', 'symptoms', 'action'],
}

/** The shared content a document shows, each with the hash of its approved version. */
export type RelatedHashes = Record<SharedCollection, { id: string; hash: string | null }[]>

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function normalise(value: unknown): Json {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {}
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) out[key] = normalise(item)
    }
    return out
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  return String(value)
}

export const canonicalJson = (value: unknown): string => JSON.stringify(normalise(value))

/**
 * A citation as signed: its row without bookkeeping (row id; which library entry it was copied
 * from). Fields added with the sources library only when set, so versions signed before keep
 * their hashes.
 */
const CITATION_FIELDS = [...CITED_FIELDS.filter((field) => !(REFERENCE_FIELDS as readonly string[]).includes(field)), 'section']

const citationsAsSigned = (rows: unknown) =>
  Array.isArray(rows)
    ? rows.map(({ id: _id, source: _source, ...row }: Record<string, unknown>) => {
        for (const field of CITATION_FIELDS) if (row[field] == null || row[field] === '') delete row[field]
        return row
      })
    : []

/** The reviewable part of a document, as signed. */
export function reviewableContent(
  collection: ReviewableCollection,
  doc: Record<string, unknown>,
  related?: RelatedHashes,
): Record<string, unknown> {
  const content: Record<string, unknown> = {}
  for (const field of REVIEWED_FIELDS[collection]) content[field] = doc[field] ?? null
  const { citesEvidence, shows } = REVIEWABLE[collection]
  // Which library entry a citation came from is bookkeeping; what it says is signed.
  if (citesEvidence) content.references = citationsAsSigned(doc.references)
  for (const shared of shows) content[shared] = related?.[shared] ?? []
  return content
}

export function contentHash(collection: ReviewableCollection, doc: Record<string, unknown>, related?: RelatedHashes): string {
  const payload = canonicalJson({ collection, content: reviewableContent(collection, doc, related) })
  return createHash('sha256').update(payload).digest('hex')
}

/** Ids of related documents, whether stored as ids or populated objects. */
export function relationIds(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map((item) => String(typeof item === 'object' && item !== null ? (item as { id: unknown }).id : item))
}

/** Whether two snapshots say the same to a reader (the shared content they show compared by id). */
export function sameReviewableContent(collection: ReviewableCollection, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const byId = (doc: Record<string, unknown>): RelatedHashes => ({
    tips: relationIds(doc.tips).map((id) => ({ id, hash: null })),
    warnings: relationIds(doc.warnings).map((id) => ({ id, hash: null })),
  })
  return canonicalJson(reviewableContent(collection, a, byId(a))) === canonicalJson(reviewableContent(collection, b, byId(b)))
}
