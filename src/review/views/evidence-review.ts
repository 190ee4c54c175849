// The evidence a version cites, as the reviewer sees it: each citation as signed, with what is
// flagged about it now (old for its type, a broken link found by the background check, not from
// the library).
import type { PayloadRequest } from 'payload'
import { relationId } from '../../lib/document-id'
import { sourcesById } from '../../evidence/library'
import { citationCopy, type CitedSource, type SourceFlag, sourceFlags, type SourceType } from '../../workflow'

export type CitedEvidence = CitedSource & {
  position: number
  section: string | null
  sourceId: number | null
  linkStatus: string | null
  flags: SourceFlag[]
}

export async function evidenceOf(
  req: PayloadRequest,
  content: Record<string, unknown>,
  sourceMaxAge: Partial<Record<SourceType, number>>,
  now = new Date(),
): Promise<CitedEvidence[]> {
  const rows = Array.isArray(content.references) ? (content.references as Record<string, unknown>[]) : []
  const library = await sourcesById(
    req,
    rows.map((row) => relationId(row.source)).filter((id): id is string => Boolean(id)),
  )
  return rows.map((row, index) => {
    const id = relationId(row.source)
    const source = id ? library.get(id) : undefined
    const cited = citationCopy(row)
    return {
      ...cited,
      position: index + 1,
      section: typeof row.section === 'string' && row.section ? row.section : null,
      sourceId: source ? Number(source.id) : null,
      linkStatus: source?.linkStatus ?? null,
      flags: sourceFlags(
        { ...cited, linkStatus: source?.linkStatus, linkProblem: source?.linkProblem, inLibrary: Boolean(source) },
        now,
        sourceMaxAge,
      ),
    }
  })
}
