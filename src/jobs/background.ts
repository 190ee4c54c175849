// Background work of the app, started once per server process (src/instrumentation.ts):
// every instance publishes cache expiries that no process finished publishing; the one
// instance that holds the runner lock also does what must run once (the replica fence today,
// and the jobs queue: payload.config.ts runs jobs only where `isBackgroundRunner`).
import type { Payload } from 'payload'
import { reconcileOutbox } from '../cache/expiry-outbox'
import { expireContent } from '../cache/content-tags'
import { RunnerLock } from './runner-lock'
import { scheduleDailyScan } from './daily-schedule'
import { runnerState, setRunnerState } from './runner-state'

const INTERVAL_MS = 1000

/** How often the runner makes sure the next daily scan is queued. */
const SCHEDULE_EVERY_MS = 30_000

export function startBackgroundWork(connect: () => Promise<Payload>): void {
  if (runnerState() || process.env.VETTED_BACKGROUND === 'off') return
  const state: { lock: RunnerLock; runner: boolean; timer?: NodeJS.Timeout } = {
    lock: new RunnerLock(process.env.DATABASE_URL ?? '', `vetted-runner port ${process.env.PORT ?? ''} pid ${process.pid}`),
    runner: false,
  }
  setRunnerState(state)
  let scheduledAt = 0
  let busy = false
  let payload: Payload | undefined
  const tick = async () => {
    if (busy) return
    busy = true
    try {
      payload ??= await connect()
      const runner = await state.lock.holds()
      if (runner !== state.runner)
        payload.logger.info(runner ? 'this instance is now the background runner' : 'this instance is no longer the background runner')
      state.runner = runner
      const published = await reconcileOutbox(payload, expireContent, { runner })
      if (published > 0) payload.logger.warn(`published ${published} cache expiries that their instance had not finished`)
      // Scheduled jobs are queued by the runner only (src/jobs/daily-schedule.ts).
      if (runner && Date.now() - scheduledAt >= SCHEDULE_EVERY_MS) {
        scheduledAt = Date.now()
        await scheduleDailyScan(payload)
      }
    } catch (error) {
      const message = `background work failed, retrying: ${String(error)}`
      if (payload) payload.logger.warn(message)
      else console.warn(message)
    } finally {
      busy = false
    }
  }
  state.timer = setInterval(tick, INTERVAL_MS)
  state.timer.unref()
  void tick()
}
