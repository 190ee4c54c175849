// The evidence a version cites, as the reviewer sees it: each citation as signed, with what is
// flagged about it now (old for its type, a broken link found by the background check, not from
// the library).
import type { PayloadRequest } from 'payload'
import { citationCopy, type CitedSource, type SourceFlag, sourceFlags, type SourceType } from '../workflow'

export type CitedEvidence = CitedSource & { position: number; section: string | null; sourceId: number | null; linkStatus: string | null; flags: SourceFlag[] }

const idOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

export async function evidenceOf(
  req: PayloadRequest,
  content: Record<string, unknown>,
  sourceMaxAge: Partial<Record<SourceType, number>>,
  now = new Date(),
): Promise<CitedEvidence[]> {
  const rows = Array.isArray(content.references) ? (content.references as Record<string, unknown>[]) : []
  const ids = [...new Set(rows.map((row) => idOf(row.source)).filter((id) => id != null))] as number[]
  const library = ids.length
    ? await req.payload.find({ collection: 'sources', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, req })
    : { docs: [] }
  const byId = new Map(library.docs.map((source) => [String(source.id), source]))
  return rows.map((row, index) => {
    const id = idOf(row.source)
    const source = id == null ? undefined : byId.get(String(id))
    const cited = citationCopy(row)
    return {
      ...cited,
      position: index + 1,
      section: typeof row.section === 'string' && row.section ? row.section : null,
      sourceId: source ? Number(source.id) : null,
      linkStatus: source?.linkStatus ?? null,
      flags: sourceFlags({ ...cited, linkStatus: source?.linkStatus, linkProblem: source?.linkProblem, inLibrary: Boolean(source) }, now, sourceMaxAge),
    }
  })
}
