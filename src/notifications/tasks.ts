// The jobs that send mail, run from Payload's jobs queue by the one background runner
// (payload.config.ts: autoRun only where src/jobs/background.ts holds the runner lock).
import type { TaskConfig } from 'payload'
import { deliverNotifications, markFailed } from './deliver'
import { runDailyScan } from './daily'
import { NOTIFICATION_QUEUE } from './notify'
import { retireOnSchedule, type RetireOnScheduleInput, SCHEDULE_QUEUE } from '../review/scheduled-retirement'
import { goLiveOnSchedule } from '../review/scheduled-go-live'
import type { GoLiveOnScheduleInput } from '../review/held-sign-off'

export const DAILY_QUEUE = 'daily'
/** Tries before a mail is given up on (then its rows say "failed" for admins). */
export const MAIL_ATTEMPTS = 8

const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value)
  return Number.isFinite(number) && number > 0 ? number : fallback
}

/** First wait before a failed mail is tried again; it doubles each time (30 s, 1 min, 2 min ... about an hour). */
export const mailRetryDelayMs = (env: NodeJS.ProcessEnv = process.env) => positive(env.VETTED_MAIL_RETRY_DELAY_MS, 30_000)

/** When the daily scan runs (croner syntax, seconds first, in UTC: daily-schedule.ts). */
export const dailyCron = (env: NodeJS.ProcessEnv = process.env) => env.VETTED_DAILY_CRON?.trim() || '0 0 7 * * *'

/** How often the runner looks for mail to send. */
export const jobsCron = (env: NodeJS.ProcessEnv = process.env) => env.VETTED_JOBS_CRON?.trim() || '*/5 * * * * *'

const oneLine = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string }
  return [code, message ?? String(error)].filter(Boolean).join(': ').split('\n')[0]
}

export const sendNotificationTask: TaskConfig<{ input: { notificationIds: number[] }; output: { sent: number } }> = {
  slug: 'sendNotification',
  label: 'Send a notification e-mail',
  inputSchema: [{ name: 'notificationIds', type: 'number', hasMany: true, required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  retries: { attempts: MAIL_ATTEMPTS, backoff: { type: 'exponential', delay: mailRetryDelayMs() } },
  handler: async ({ input, job, req }) => {
    try {
      const { sent } = await deliverNotifications(req, input.notificationIds)
      return { output: { sent } }
    } catch (error) {
      const attempt = (job.totalTried ?? 0) + 1
      const last = attempt > MAIL_ATTEMPTS
      req.payload.logger.warn(
        `mail for notification${input.notificationIds.length === 1 ? '' : 's'} ${input.notificationIds.join(', ')} failed (try ${attempt} of ${MAIL_ATTEMPTS + 1}): ${oneLine(error)}${last ? '; giving up' : '; will retry'}`,
      )
      if (last) await markFailed(req, input.notificationIds)
      throw error
    }
  },
}

export const dailyNotificationsTask: TaskConfig<{ input: object; output: { approvalNeeded: number; dueOrOverdue: number; registrations: number; digests: number } }> = {
  slug: 'dailyNotifications',
  label: 'Daily reminders and digests',
  outputSchema: [
    { name: 'approvalNeeded', type: 'number' },
    { name: 'dueOrOverdue', type: 'number' },
    { name: 'registrations', type: 'number' },
    { name: 'digests', type: 'number' },
  ],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ req }) => {
    const started = Date.now()
    const output = await runDailyScan(req)
    req.payload.logger.info(
      `daily scan in ${Date.now() - started} ms: ${output.approvalNeeded} approval reminders, ${output.dueOrOverdue} due or overdue, ${output.registrations} registrations, ${output.digests} digests`,
    )
    return { output }
  },
}

/** Scheduled retirements (src/review/scheduled-retirement.ts), run when due, or at start when late. */
export const retireOnScheduleTask: TaskConfig<{ input: RetireOnScheduleInput; output: { outcome: string } }> = {
  slug: 'retireOnSchedule',
  label: 'Retire content at its scheduled time',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await retireOnSchedule(req, input as RetireOnScheduleInput) } }),
}

/** Scheduled go-lives of releases and of single approved versions (src/review/scheduled-go-live.ts). */
export const goLiveOnScheduleTask: TaskConfig<{ input: GoLiveOnScheduleInput; output: { outcome: string } }> = {
  slug: 'goLiveOnSchedule',
  label: 'Make approved content live at its scheduled time',
  inputSchema: [
    { name: 'releaseId', type: 'number' },
    { name: 'collection', type: 'text' },
    { name: 'id', type: 'text' },
    { name: 'at', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await goLiveOnSchedule(req, input as GoLiveOnScheduleInput) } }),
}

export { NOTIFICATION_QUEUE, SCHEDULE_QUEUE }
