// Each citation keeps a copy of its library source as it is when the article is saved: what
// readers see, and what the reviewer signs (src/workflow/hash.ts). A citation without a source
// (from before the library) keeps what it says. Before validation: the copy fills the required title.
import { APIError, type CollectionBeforeValidateHook } from 'payload'
import { isWorkflowWrite } from '../../src/review/write-context'
import { citationCopy } from '../../src/workflow/evidence'

type Citation = Record<string, unknown> & { source?: unknown }

const sourceIdOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

export const copyCitedSources: CollectionBeforeValidateHook = async ({ data, req }) => {
  // The workflow publishes exactly the version signed: never a fresher copy of a source.
  if (!data || isWorkflowWrite(req)) return data
  const citations = data.references as Citation[] | undefined
  if (!Array.isArray(citations) || citations.length === 0) return data
  const ids = [...new Set(citations.map((row) => sourceIdOf(row.source)).filter((id) => id != null && id !== ''))]
  if (ids.length === 0) return data
  const found = await req.payload.find({ collection: 'sources', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, req })
  const byId = new Map(found.docs.map((source) => [String(source.id), source as unknown as Record<string, unknown>]))
  const references = citations.map((row) => {
    const id = sourceIdOf(row.source)
    if (id == null || id === '') return row
    const source = byId.get(String(id))
    if (!source) throw new APIError(`Citation source ${String(id)} does not exist.`, 400, undefined, true)
    return { ...row, source: source.id, ...citationCopy(source), accessedAt: (source.accessedAt as string | null) ?? null }
  })
  return { ...data, references }
}
