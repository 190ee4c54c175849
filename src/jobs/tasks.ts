// Every background task: what it runs, its input and its retries. Run from Payload's jobs
// queue by the one background runner (config.ts); the work itself lives with its subject.
import type { TaskConfig } from 'payload'
import { runLinkChecks } from '../evidence/link-checks'
import { MAIL_ATTEMPTS, mailRetryDelayMs } from './settings'
import { deliverNotifications, markFailed } from '../notifications/deliver'
import { runDailyScan } from './daily-scan'
import { retireOnSchedule, type RetireOnScheduleInput } from '../review/actions/schedule-retirement'
import { goLiveOnSchedule } from '../review/releases/scheduled-go-live'
import type { GoLiveOnScheduleInput } from '../review/data/held-sign-off'

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

export const dailyNotificationsTask: TaskConfig<{
  input: object
  output: { approvalNeeded: number; dueOrOverdue: number; registrations: number; digests: number }
}> = {
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

/** Scheduled retirements (src/review/actions/schedule-retirement.ts), run when due, or at start when late. */
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

/** Scheduled go-lives of releases and of single approved versions (src/review/releases/scheduled-go-live.ts). */
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

/** Link checks of cited sources (src/evidence/link-checks.ts): a new or changed address, and the weekly recheck. */
export const checkSourceLinksTask: TaskConfig<{ input: { sourceIds?: number[] }; output: { checked: number; broken: number } }> = {
  slug: 'checkSourceLinks',
  label: 'Check the links of cited sources',
  inputSchema: [{ name: 'sourceIds', type: 'number', hasMany: true }],
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'broken', type: 'number' },
  ],
  retries: 2,
  handler: async ({ input, req }) => ({ output: await runLinkChecks(req, input.sourceIds ?? undefined) }),
}
