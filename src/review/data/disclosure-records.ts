// People's current declarations of interests: the latest of each person's records.
import type { PayloadRequest } from 'payload'
import type { Disclosure } from '../../workflow'
import { rowsInRequest, sql, list } from '../../db/sql'

export async function latestDisclosures(req: PayloadRequest, personIds: (string | number)[]): Promise<Map<string, Disclosure>> {
  const ids = [...new Set(personIds.map(Number).filter(Number.isInteger))]
  if (ids.length === 0) return new Map()
  const found = await rowsInRequest<{ person_id: number; kind: Disclosure['kind']; statement: string | null; declared_at: Date | string }>(
    req,
    sql`select distinct on (person_id) person_id, kind, statement, declared_at from disclosures
        where person_id in (${list(ids)}) order by person_id, declared_at desc, id desc`,
  )
  return new Map(
    found.map((row) => [
      String(row.person_id),
      { kind: row.kind, statement: row.statement, declaredAt: new Date(row.declared_at).toISOString() },
    ]),
  )
}
