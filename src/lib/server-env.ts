// Settings read from the environment, with the checks that keep production honest.

const DEV_SECRET = 'vetted-development-secret-do-not-use-in-production'

const isProduction = process.env.NODE_ENV === 'production'
const isBuild = process.env.NEXT_PHASE === 'phase-production-build'

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (isProduction && !isBuild) {
    throw new Error('PAYLOAD_SECRET is not set: refusing to run in production without it.')
  }
  return DEV_SECRET
}

export function databasePool(): { connectionString?: string; max: number; connectionTimeoutMillis: number } {
  return {
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX) || 10,
    connectionTimeoutMillis: 5000,
  }
}

/** The public origin, for canonical links, the sitemap and structured data. */
export function serverUrl(): string {
  return process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`
}

/**
 * The origin Payload's admin calls its API at, and accepts login cookies from (CSRF).
 * Unset, the admin uses relative addresses: it works at whatever address it was opened
 * (localhost, 127.0.0.1, the network address `next dev` prints) and accepts cookies from any
 * origin, which is right for development. In production set SERVER_URL to the public origin:
 * `npm start` warns when it is missing.
 */
export function adminServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SERVER_URL ?? ''
}

/**
 * Hours an account may not approve after someone else changed its roles, credentials, name,
 * email or password, or created it (src/workflow/account-hold.ts). 0 turns the rule off.
 */
export function accountHoldHours(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.VETTED_ACCOUNT_HOLD_HOURS
  if (value === undefined || value === '') return 24
  const hours = Number(value)
  return Number.isFinite(hours) && hours >= 0 ? hours : 24
}

/**
 * How far ahead a go-live or a retirement must be scheduled, in whole seconds (at least 1), when
 * VETTED_MIN_SCHEDULE_LEAD_SECONDS sets it; else undefined: the rule's own default (30 s,
 * src/workflow/scheduled-time.ts).
 */
export function scheduleLeadSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const seconds = Number(env.VETTED_MIN_SCHEDULE_LEAD_SECONDS)
  return env.VETTED_MIN_SCHEDULE_LEAD_SECONDS && Number.isFinite(seconds) && seconds >= 1 ? Math.floor(seconds) : undefined
}
