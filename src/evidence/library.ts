// Reading the sources library: entries by id (a citation's source), and the entry a reference
// written before the library was made from (the migration made one per distinct reference).
import type { PayloadRequest } from 'payload'
import type { Source } from '../../payload-types'
import { REFERENCE_FIELDS } from '../workflow/evidence'

const system = { depth: 0, pagination: false, overrideAccess: true } as const

export async function sourcesById(req: PayloadRequest, ids: (string | number)[]): Promise<Map<string, Source>> {
  const wanted = [...new Set(ids.map(String))]
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: 'sources', where: { id: { in: wanted } }, limit: wanted.length, req, ...system })
  return new Map(docs.map((source) => [String(source.id), source]))
}

const referenceKey = (row: object) =>
  JSON.stringify(
    REFERENCE_FIELDS.map((field) =>
      (row as Record<string, unknown>)[field] === '' ? null : ((row as Record<string, unknown>)[field] ?? null),
    ),
  )

/** The library entry each reference without a source was made from (same title, publisher, year and address), if any. One query. */
export async function legacySources(
  req: PayloadRequest,
  rows: Record<string, unknown>[],
): Promise<(row: Record<string, unknown>) => number | null> {
  const titles = [...new Set(rows.map((row) => row.title).filter((title): title is string => typeof title === 'string' && title !== ''))]
  const { docs } = titles.length
    ? await req.payload.find({ collection: 'sources', where: { title: { in: titles } }, limit: 1000, req, ...system })
    : { docs: [] as Source[] }
  const byReference = new Map<string, number>()
  for (const source of docs) if (!byReference.has(referenceKey(source))) byReference.set(referenceKey(source), source.id)
  return (row) => byReference.get(referenceKey(row)) ?? null
}
