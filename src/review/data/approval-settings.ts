// What the review policy says for one collection's approvals: the review interval, and the rules
// on evidence and plain language. One statement, FOR SHARE before any document row, so a change
// of policy and an approval take the rules' row in one order (review-intervals.ts).
import type { PayloadRequest } from 'payload'
import { rowsInRequest, sql } from '../../db/sql'
import {
  type ReviewableCollection,
  SOURCE_TYPES,
  type SourceType,
  DEFAULT_READING_AGE_TARGET,
  STRUCTURE_CHECKS,
  type StructureCheck,
} from '../../workflow'
import { intervalOf } from './review-intervals'

export type ApprovalSettings = {
  intervalMonths: number
  sourceMaxAge: Partial<Record<SourceType, number>>
  readingAgeTarget: number
  blockingChecks: StructureCheck[]
}

type Row = Record<string, string | number | null> & {
  months: string | number | null
  target: string | number | null
  blocking: string[] | null
}

export async function approvalSettings(
  req: PayloadRequest,
  collection: ReviewableCollection,
  { lock = true } = {},
): Promise<ApprovalSettings> {
  const ages = sql.join(
    SOURCE_TYPES.map((type) => sql`p.${sql.identifier(`source_max_age_${type}`)} as ${sql.identifier(type)}`),
    sql`, `,
  )
  const [row] = await rowsInRequest<Row>(
    req,
    sql`select ${ages},
          p.${sql.identifier(`review_intervals_${collection}`)} as months,
          p.${sql.identifier(`reading_age_targets_${collection}`)} as target,
          array(select value::text from review_policy_blocking_checks where parent_id = p.id order by "order") as blocking
        from review_policy p limit 1 ${lock ? sql`for share of p` : sql``}`,
  )
  const sourceMaxAge: Partial<Record<SourceType, number>> = {}
  for (const type of SOURCE_TYPES) if (row?.[type] != null) sourceMaxAge[type] = Number(row[type])
  return {
    intervalMonths: intervalOf({ [collection]: row?.months == null ? null : Number(row.months) }, collection),
    sourceMaxAge,
    readingAgeTarget: row?.target == null ? DEFAULT_READING_AGE_TARGET : Number(row.target),
    blockingChecks: (row?.blocking ?? []).filter((value): value is StructureCheck => STRUCTURE_CHECKS.includes(value as StructureCheck)),
  }
}
