// Each citation keeps a copy of its library source as it is when the article is saved: what
// readers see, and what the reviewer signs (src/workflow/hash.ts). Before validation: the copy
// fills the required title. A citation from before the library is linked to the library entry
// made from it (same title, publisher, year and address) and otherwise keeps what it says.
// Whoever edited a source whose copy changes here is an author of the new version (four eyes:
// src/review/hooks/recordRevision.ts).
import { APIError, type CollectionBeforeValidateHook, type PayloadRequest } from 'payload'
import { canonicalJson, citationCopy } from '../../src/workflow'
import { isWorkflowWrite } from '../../src/review/write-context'
import { keepsCitations, noteSourceAuthors } from '../../src/review/citation-context'
import { RESTORED_FROM } from '../../src/review/hooks/noteContentOrigin'

type Citation = Record<string, unknown> & { source?: unknown }
type Source = Record<string, unknown> & { id: number; editors?: unknown[] | null }

const idOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)
const isSet = (value: unknown) => value != null && value !== ''
const copyKey = (row: Record<string, unknown>) => canonicalJson({ ...citationCopy(row), accessedAt: row.accessedAt ?? null })

async function librarySources(req: PayloadRequest, ids: unknown[]): Promise<Map<string, Source>> {
  if (ids.length === 0) return new Map()
  const found = await req.payload.find({ collection: 'sources', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, req })
  return new Map(found.docs.map((source) => [String(source.id), source as unknown as Source]))
}

/** The library entry a citation written before the library was made from, if any. */
async function legacyMatch(req: PayloadRequest, row: Citation): Promise<number | null> {
  if (!isSet(row.title)) return null
  const same = (field: string) => (isSet(row[field]) ? { [field]: { equals: row[field] } } : { [field]: { exists: false } })
  const found = await req.payload.find({
    collection: 'sources',
    where: { and: [{ title: { equals: row.title } }, same('publisher'), same('year'), same('url')] },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs[0]?.id ?? null
}

export const copyCitedSources: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  // The workflow publishes exactly the version signed; discarding a draft and restoring a
  // version bring back citations as they were: never a fresher copy of a source.
  if (!data || isWorkflowWrite(req) || keepsCitations(req) || req.context[RESTORED_FROM]) return data
  const given = data.references as Citation[] | undefined
  if (!Array.isArray(given) || given.length === 0) return data
  const citations = await Promise.all(given.map(async (row) => (isSet(idOf(row.source)) ? row : { ...row, source: await legacyMatch(req, row) })))
  const sources = await librarySources(req, [...new Set(citations.map((row) => idOf(row.source)).filter(isSet))])
  const before = new Set(((originalDoc?.references as Citation[] | undefined) ?? []).map((row) => `${String(idOf(row.source))}:${copyKey(row)}`))
  const editors: number[] = []
  const references = citations.map((row) => {
    const id = idOf(row.source)
    if (!isSet(id)) return row
    const source = sources.get(String(id))
    if (!source) throw new APIError(`Citation source ${String(id)} does not exist.`, 400, undefined, true)
    const copied = { ...row, source: source.id, ...citationCopy(source), accessedAt: (source.accessedAt as string | null) ?? null }
    if (!before.has(`${source.id}:${copyKey(copied)}`)) editors.push(...(source.editors ?? []).map((editor) => Number(idOf(editor))))
    return copied
  })
  noteSourceAuthors(req, editors.filter(Number.isInteger))
  return { ...data, references }
}
