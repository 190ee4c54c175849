// How the background jobs are timed, from the environment.

/** The queue of the daily scan (daily-schedule.ts). */
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
