// Several instances of the production build (`npm start`, i.e. scripts/start.mjs), each on a
// free loopback port, all with the same environment: the multi-instance tests and bench.
// Each instance's output is kept (the tail is shown when one fails to start).
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../../scripts/lib/ports.mjs'

export type AppInstance = {
  name: string
  port: number
  url: string
  /** Lines of output, most recent last (bounded). */
  log: string[]
  stop(): Promise<void>
}

const LOG_LINES = 200

function spawnInstance(name: string, port: number, env: Record<string, string>): { child: ChildProcess; log: string[] } {
  const log: string[] = []
  // Its own process group, so stopping it stops `next start` too (scripts/start.mjs runs it as a child).
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const keep = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) log.push(`[${name}] ${line}`)
    if (log.length > LOG_LINES) log.splice(0, log.length - LOG_LINES)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return { child, log }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // Gone already.
    }
  }, 10_000)
  await exited
  clearTimeout(timer)
}

async function waitUntilServing(url: string, child: ChildProcess, log: string[], deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance at ${url} exited (${child.exitCode}):\n${log.slice(-40).join('\n')}`)
    const ok = await fetch(`${url}/robots.txt`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`instance at ${url} did not start in time:\n${log.slice(-40).join('\n')}`)
}

/** Starts `count` instances at the same moment and waits until all serve pages. */
export async function startApps(count: number, env: Record<string, string>, timeoutMs = 180_000): Promise<AppInstance[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const port = await freePort()
    if (!ports.includes(port)) ports.push(port)
  }
  const started = ports.map((port, i) => {
    const name = String.fromCharCode(65 + i)
    return { name, port, url: `http://127.0.0.1:${port}`, ...spawnInstance(name, port, env) }
  })
  const deadline = Date.now() + timeoutMs
  try {
    await Promise.all(started.map(({ url, child, log }) => waitUntilServing(url, child, log, deadline)))
  } catch (error) {
    await Promise.all(started.map(({ child }) => stopGroup(child)))
    throw error
  }
  return started.map(({ name, port, url, child, log }) => ({ name, port, url, log, stop: () => stopGroup(child) }))
}
