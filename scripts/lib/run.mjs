// Child-process helpers shared by the launch scripts.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const projectRoot = path.resolve(here, '../..')
const exitWithParent = path.join(here, 'exit-with-parent.cjs')
const binDir = path.join(projectRoot, 'node_modules/.bin')

/**
 * Runs a command and resolves with its exit code. The child is told our pid and
 * preloads a watchdog, so it exits if we die without cleaning up (no orphans). With
 * `collect`, its output is kept and written out in one piece when it ends (a step that runs
 * beside another, whose lines would otherwise interleave).
 */
export function run(command, args, { env = {}, signalTarget = true, collect = false } = {}) {
  const childEnv = {
    ...process.env,
    ...env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    VETTED_PARENT_PID: String(process.pid),
    NODE_OPTIONS: [env.NODE_OPTIONS ?? process.env.NODE_OPTIONS, `--require ${exitWithParent}`].filter(Boolean).join(' '),
  }
  const child = spawn(command, args, { stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: childEnv, cwd: projectRoot })
  const output = []
  if (collect) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk))
  const forward = (signal) => child.kill(signal)
  if (signalTarget) {
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(127)
    })
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      if (collect) process.stdout.write(Buffer.concat(output))
      resolve(code ?? 128 + (constants.signals[signal] ?? 0))
    })
  })
}

/** Runs steps in order, stopping at the first that fails; resolves with its exit code. */
export async function runSteps(steps, options) {
  for (const [command, ...args] of steps) {
    const code = await run(command, args, options)
    if (code !== 0) return code
  }
  return 0
}
