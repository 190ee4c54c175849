// At most FEEDBACK_PER_WINDOW feedback posts per source address per window, counted in
// PostgreSQL so every instance shares the count. The address is kept only as a keyed hash
// (with the app's secret), and counts older than a day are deleted.
import { createHmac } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { rowsInRequest, sql } from '../db/sql'
import { clientAddress } from '../http/client-address'
import { FEEDBACK_PER_WINDOW, FEEDBACK_WINDOW_SECONDS } from '../workflow/feedback'

const sourceKey = (req: PayloadRequest) =>
  createHmac('sha256', req.payload.secret)
    .update(`feedback:${clientAddress(req.headers)}`)
    .digest('hex')

/** Counts this post; the seconds to wait when it is one too many, else null. */
export async function countFeedbackPost(req: PayloadRequest): Promise<number | null> {
  const window = sql`make_interval(secs => ${FEEDBACK_WINDOW_SECONDS})`
  const [row] = await rowsInRequest<{ sent: number; wait: number }>(
    req,
    sql`
    insert into feedback_throttle as t (source_key, sent, window_started_at) values (${sourceKey(req)}, 1, now())
    on conflict (source_key) do update set
      sent = case when t.window_started_at < now() - ${window} then 1 else t.sent + 1 end,
      window_started_at = case when t.window_started_at < now() - ${window} then now() else t.window_started_at end
    returning sent, ceil(extract(epoch from (window_started_at + ${window} - now())))::int as wait`,
  )
  if (Math.random() < 0.01) await rowsInRequest(req, sql`delete from feedback_throttle where window_started_at < now() - interval '1 day'`)
  return row && row.sent > FEEDBACK_PER_WINDOW ? Math.max(1, row.wait) : null
}
