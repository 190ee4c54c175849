// Reader feedback waiting for staff: reports of something wrong first, then other unhelpful
// answers and comments, newest first within each. A bare "yes" is counted, not queued.
import type { PayloadRequest } from 'payload'
import { rowsInRequest, sql } from '../db/sql'
import type { FeedbackProblem } from '../workflow/feedback'

export type FeedbackItem = {
  id: number
  articleId: number
  articleTitle: string | null
  helpful: boolean
  problem: FeedbackProblem | null
  comment: string | null
  submittedAt: string
  status: string
}

type Row = {
  id: number
  article_id: number
  article_title: string | null
  helpful: boolean
  problem: FeedbackProblem | null
  comment: string | null
  submitted_at: string | Date
  status: string
}

const asItem = (row: Row): FeedbackItem => ({
  id: row.id,
  articleId: row.article_id,
  articleTitle: row.article_title,
  helpful: row.helpful,
  problem: row.problem,
  comment: row.comment,
  submittedAt: new Date(row.submitted_at).toISOString(),
  status: row.status,
})

const PRIORITY = sql`(case when problem = 'wrong' then 0 when not helpful then 1 else 2 end), submitted_at desc, id desc`
const QUEUED = sql`status = 'new' and (not helpful or comment is not null)`

export async function feedbackQueue(req: PayloadRequest, limit: number): Promise<{ items: FeedbackItem[]; total: number }> {
  const [items, [count]] = await Promise.all([
    rowsInRequest<Row>(
      req,
      sql`select id, article_id, article_title, helpful, problem, comment, submitted_at, status from feedback where ${QUEUED} order by ${PRIORITY} limit ${limit}`,
    ),
    rowsInRequest<{ total: number }>(req, sql`select count(*)::int as total from feedback where ${QUEUED}`),
  ])
  return { items: items.map(asItem), total: count?.total ?? 0 }
}

/** One article's feedback for its review panel: open items first (by priority), then the closed ones; with the yes/no counts. */
export async function articleFeedback(req: PayloadRequest, articleId: string, limit = 20) {
  const [items, [counts]] = await Promise.all([
    rowsInRequest<Row>(
      req,
      sql`select id, article_id, article_title, helpful, problem, comment, submitted_at, status from feedback
          where article_id = ${Number(articleId)} and (not helpful or comment is not null)
          order by (status = 'new') desc, ${PRIORITY} limit ${limit}`,
    ),
    rowsInRequest<{ yes: number; no: number }>(
      req,
      sql`select count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no from feedback where article_id = ${Number(articleId)}`,
    ),
  ])
  return { items: items.map(asItem), helpful: counts?.yes ?? 0, notHelpful: counts?.no ?? 0 }
}
