// The `jobs` part of the Payload config: every task, and one autoRun per queue. Payload's
// autoRun runs in every process and its job claim is not atomic, so only the one background
// runner runs jobs (and queues the scheduled ones: background.ts).
import type { Config } from 'payload'
import { LINK_CHECK_QUEUE } from '../evidence/link-checks'
import { NOTIFICATION_QUEUE } from '../notifications/notify'
import { SCHEDULE_QUEUE } from '../review/data/held-sign-off'
import { isBackgroundRunner } from './runner-state'
import { DAILY_QUEUE, jobsCron } from './settings'
import { checkSourceLinksTask, dailyNotificationsTask, goLiveOnScheduleTask, retireOnScheduleTask, sendNotificationTask } from './tasks'

export const jobsConfig = (): NonNullable<Config['jobs']> => ({
  tasks: [sendNotificationTask, dailyNotificationsTask, retireOnScheduleTask, goLiveOnScheduleTask, checkSourceLinksTask],
  autoRun: [
    { cron: jobsCron(), queue: NOTIFICATION_QUEUE, limit: 100, disableScheduling: true, silent: true },
    { cron: jobsCron(), queue: DAILY_QUEUE, limit: 1, disableScheduling: true, silent: { info: true } },
    { cron: jobsCron(), queue: SCHEDULE_QUEUE, limit: 20, disableScheduling: true, silent: { info: true } },
    { cron: jobsCron(), queue: LINK_CHECK_QUEUE, limit: 5, disableScheduling: true, silent: { info: true } },
  ],
  shouldAutoRun: () => isBackgroundRunner(),
  // Nobody runs, queues or cancels jobs over HTTP (/api/payload-jobs/run would be a second runner).
  access: { run: () => false, queue: () => false, cancel: () => false },
})
