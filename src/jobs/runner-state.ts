// Whether this process is the background runner: set by background.ts, read by the jobs
// config. Kept apart so payload.config.ts does not import the background work itself.
const KEY = Symbol.for('vetted.background')

export type RunnerState = { runner: boolean }

const store = globalThis as unknown as { [KEY]?: RunnerState }

export const runnerState = (): RunnerState | undefined => store[KEY]
export const setRunnerState = (state: RunnerState) => {
  store[KEY] = state
}

/** Whether this process is the background runner. */
export const isBackgroundRunner = (): boolean => store[KEY]?.runner ?? false
