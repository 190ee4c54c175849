// Background work of the app, started once per server process (src/instrumentation.ts):
// every instance publishes cache expiries that no process finished publishing; the one
// instance that holds the runner lock also does what must run once (the replica fence today,
// scheduled jobs later: their autoRun must ask `isBackgroundRunner`).
import type { Payload } from 'payload'
import { reconcileOutbox } from '../cache/expiry-outbox'
import { expireContent } from '../lib/content-tags'
import { RunnerLock } from './runner-lock'

const INTERVAL_MS = 1000

const KEY = Symbol.for('vetted.background')
const store = globalThis as unknown as { [KEY]?: { lock: RunnerLock | null; runner: boolean; timer?: NodeJS.Timeout } }

/** Whether this process is the background runner (always, on the embedded database). */
export const isBackgroundRunner = (): boolean => store[KEY]?.runner ?? false

export function startBackgroundWork(connect: () => Promise<Payload>): void {
  if (store[KEY] || process.env.VETTED_BACKGROUND === 'off') return
  const embedded = process.env.VETTED_EMBEDDED_DB === '1' || !process.env.DATABASE_URL
  const state: { lock: RunnerLock | null; runner: boolean; timer?: NodeJS.Timeout } = {
    lock: embedded ? null : new RunnerLock(process.env.DATABASE_URL!, `vetted-runner port ${process.env.PORT ?? ''} pid ${process.pid}`),
    runner: embedded,
  }
  store[KEY] = state
  let busy = false
  let payload: Payload | undefined
  const tick = async () => {
    if (busy) return
    busy = true
    try {
      payload ??= await connect()
      const runner = state.lock ? await state.lock.holds() : true
      if (runner !== state.runner) payload.logger.info(runner ? 'this instance is now the background runner' : 'this instance is no longer the background runner')
      state.runner = runner
      const published = await reconcileOutbox(payload, expireContent, { runner })
      if (published > 0) payload.logger.warn(`published ${published} cache expiries that their instance had not finished`)
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
