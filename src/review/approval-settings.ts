// What the review policy says about evidence and plain language, for one collection: read FOR
// SHARE before any document row, like the review interval (review-intervals.ts), so a change
// of policy and an approval take the rules' row in one order.
import type { PayloadRequest } from 'payload'
import { rowsInRequest, sql } from '../lib/sql'
import { type ReviewableCollection, SOURCE_TYPES, type SourceType, DEFAULT_READING_AGE_TARGET, STRUCTURE_CHECKS, type StructureCheck } from '../workflow'

export type ApprovalSettings = {
  sourceMaxAge: Partial<Record<SourceType, number>>
  readingAgeTarget: number
  blockingChecks: StructureCheck[]
}

export async function approvalSettings(req: PayloadRequest, collection: ReviewableCollection, { lock = true } = {}): Promise<ApprovalSettings> {
  const ages = sql.join(
    SOURCE_TYPES.map((type) => sql`${sql.identifier(`source_max_age_${type}`)} as ${sql.identifier(type)}`),
    sql`, `,
  )
  const [row] = await rowsInRequest<Record<string, string | number | null> & { id: number }>(
    req,
    sql`select id, ${ages}, ${sql.identifier(`reading_age_targets_${collection}`)} as target from review_policy limit 1 ${lock ? sql`for share` : sql``}`,
  )
  const sourceMaxAge: Partial<Record<SourceType, number>> = {}
  for (const type of SOURCE_TYPES) if (row?.[type] != null) sourceMaxAge[type] = Number(row[type])
  const blocking = row
    ? await rowsInRequest<{ value: string }>(req, sql`select value from review_policy_blocking_checks where parent_id = ${row.id} order by "order"`)
    : []
  return {
    sourceMaxAge,
    readingAgeTarget: row?.target == null ? DEFAULT_READING_AGE_TARGET : Number(row.target),
    blockingChecks: blocking.map((entry) => entry.value).filter((value): value is StructureCheck => STRUCTURE_CHECKS.includes(value as StructureCheck)),
  }
}
