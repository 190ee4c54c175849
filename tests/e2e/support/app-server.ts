// Another app server, started as users start it (`npm start`, the same build and database as the
// suite's), for the tests that restart one or need a setting the suite's server does not have.
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../../../scripts/lib/ports.mjs'

export type AppServer = { url: string; process: ChildProcess; log: () => string; stop: () => Promise<void> }

/** Starts scripts/start.mjs on a free port (or `port`) with `env` over the suite's environment. */
export async function startAppServer(env: Record<string, string | undefined> = {}, port?: number): Promise<AppServer> {
  const listenOn = port ?? (await freePort())
  const url = `http://127.0.0.1:${listenOn}`
  let log = ''
  const child = spawn('node', ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'vetted-e2e-secret',
      SERVER_URL: url,
      ...env,
      PORT: String(listenOn),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr!.on('data', (chunk) => (log += chunk))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  for (let i = 0; i < 120; i++) {
    const ready = await fetch(`${url}/robots.txt`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return { url, process: child, log: () => log, stop }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`the server on ${url} did not start:\n${log}`)
}
