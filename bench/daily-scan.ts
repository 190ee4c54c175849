// The daily scan (src/jobs/daily-scan.ts) on the database DATABASE_URL names: how long it
// takes and what it finds, run twice (the second run finds every occasion already recorded).
// What the first run wrote is removed after, so the figure can be measured again.
//   DATABASE_URL=... npx payload run bench/daily-scan.ts
import { createLocalReq, getPayload } from 'payload'
import config from '../payload.config'
import { runDailyScan } from '../src/jobs/daily-scan'
import { rows, sql } from '../src/db/sql'

const payload = await getPayload({ config })
const [counts] = await rows<{ live: number; due: number; notifications: number; jobs: number }>(
  payload,
  sql`select (select count(*) from articles where _status = 'published')::int as live,
             (select count(*) from articles where _status = 'published' and review_next_review_due <= now() + interval '30 days')::int as due,
             (select coalesce(max(id), 0) from notifications)::int as notifications,
             (select coalesce(max(id), 0) from payload_jobs)::int as jobs`,
)
const { live, due, notifications, jobs } = counts!
const timed = async () => {
  const started = performance.now()
  const found = await runDailyScan(await createLocalReq({}, payload))
  return { ms: performance.now() - started, found }
}
const first = await timed()
const second = await timed()
console.log(`daily scan: ${live} live articles, ${due} due within 30 days or overdue`)
console.log(`  first run  ${first.ms.toFixed(0)} ms: ${JSON.stringify(first.found)}`)
console.log(`  second run ${second.ms.toFixed(0)} ms: ${JSON.stringify(second.found)}`)
await rows(payload, sql`delete from payload_jobs where id > ${jobs}`)
await rows(payload, sql`delete from notifications where id > ${notifications}`)
process.exit(0)
