// When the daily scan runs: the runner keeps one `dailyNotifications` job waiting for the next
// time VETTED_DAILY_CRON names, in UTC. (Payload's own task `schedule` would do this from every
// process and keep its bookkeeping in a global any logged-in user may write.)
import { Cron } from 'croner'
import type { Payload } from 'payload'
import { DAILY_QUEUE, dailyCron } from './settings'

export const nextDailyRun = (pattern: string, after: Date): Date | null => new Cron(pattern, { timezone: 'UTC' }).nextRun(after)

/** Queues the next scan unless one is waiting, running or retrying. Returns when it is due, if it queued one. */
export async function scheduleDailyScan(payload: Payload, now = new Date()): Promise<Date | null> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'dailyNotifications' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    },
    overrideAccess: true,
  })
  if (totalDocs > 0) return null
  const at = nextDailyRun(dailyCron(), now)
  if (!at) return null
  await payload.jobs.queue({ task: 'dailyNotifications', queue: DAILY_QUEUE, input: {}, waitUntil: at })
  return at
}
