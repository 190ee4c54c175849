// Each citation keeps a copy of its library source as it is when the article is saved: what
// readers see, and what the reviewer signs (src/workflow/hash.ts). Before validation: the copy
// fills the required title. A citation from before the library is linked to the library entry
// made from it (same title, publisher, year and address) and otherwise keeps what it says.
// Whoever edited a source whose copy changes here is an author of the new version (four eyes:
// src/review/hooks/recordRevision.ts).
import { APIError, type CollectionBeforeValidateHook } from 'payload'
import { canonicalJson, citationCopy } from '../../workflow'
import { relationId } from '../../lib/document-id'
import { legacySources, sourcesById } from '../../evidence/library'
import { isReviewWrite } from '../data/review-writes'
import { keepsCitations, noteSourceAuthors } from '../data/citation-context'
import { RESTORED_FROM } from './noteContentOrigin'

type Citation = Record<string, unknown> & { source?: unknown }

/** The library entry a citation names (an empty choice in the admin is none). */
const sourceOf = (row: Citation) => relationId(row.source) || null
const copyKey = (row: Citation) => `${sourceOf(row)}:${canonicalJson(citationCopy(row))}`

export const copyCitedSources: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  // The workflow publishes exactly the version signed; discarding a draft and restoring a
  // version bring back citations as they were: never a fresher copy of a source.
  if (!data || isReviewWrite(req) || keepsCitations(req) || req.context[RESTORED_FROM]) return data
  const given = data.references as Citation[] | undefined
  if (!Array.isArray(given) || given.length === 0) return data
  const legacy = await legacySources(
    req,
    given.filter((row) => !sourceOf(row)),
  )
  const citations = given.map((row) => (sourceOf(row) ? row : { ...row, source: legacy(row) }))
  const sources = await sourcesById(
    req,
    citations.map(sourceOf).filter((id): id is string => id !== null),
  )
  const before = new Set(((originalDoc?.references as Citation[] | undefined) ?? []).map(copyKey))
  const editors: number[] = []
  const references = citations.map((row) => {
    const id = sourceOf(row)
    if (id === null) return row
    const source = sources.get(id)
    if (!source) throw new APIError(`Citation source ${id} does not exist.`, 400, undefined, true)
    const copied = { ...row, source: source.id, ...citationCopy(source as unknown as Record<string, unknown>) }
    if (!before.has(copyKey(copied))) editors.push(...(source.editors ?? []).map((editor) => Number(relationId(editor))))
    return copied
  })
  noteSourceAuthors(req, editors)
  return { ...data, references }
}
