// Requests of one kind counted per source address in a window, in PostgreSQL so that every
// instance shares the count. The address is kept only as a keyed hash (with the app's secret,
// and the kind, so one kind's keys say nothing about another's); counts older than a day are
// deleted now and then.
import { createHmac } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { rowsInRequest, sql } from '../db/sql'
import { clientAddress } from './client-address'

export type AddressLimit = { kind: string; perWindow: number; windowSeconds: number }

const sourceKey = (req: PayloadRequest, kind: string) =>
  createHmac('sha256', req.payload.secret)
    .update(`${kind}:${clientAddress(req.headers)}`)
    .digest('hex')

/** Counts this request; the seconds to wait when it is one too many, else null. */
export async function countFromAddress(req: PayloadRequest, { kind, perWindow, windowSeconds }: AddressLimit): Promise<number | null> {
  const window = sql`make_interval(secs => ${windowSeconds})`
  const [row] = await rowsInRequest<{ requests: number; wait: number }>(
    req,
    sql`
    insert into address_throttle as t (source_key, requests, window_started_at) values (${sourceKey(req, kind)}, 1, now())
    on conflict (source_key) do update set
      requests = case when t.window_started_at < now() - ${window} then 1 else t.requests + 1 end,
      window_started_at = case when t.window_started_at < now() - ${window} then now() else t.window_started_at end
    returning requests, ceil(extract(epoch from (window_started_at + ${window} - now())))::int as wait`,
  )
  if (Math.random() < 0.01) await rowsInRequest(req, sql`delete from address_throttle where window_started_at < now() - interval '1 day'`)
  return row && row.requests > perWindow ? Math.max(1, row.wait) : null
}
