// A private, throwaway redis-server for tests (Debian's package), on a free loopback port,
// keeping nothing on disk: the tests need no Redis of the machine's, and touch none.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freePort } from '../../scripts/lib/ports.mjs'

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(String(data).startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
  })

export type RedisOptions = {
  /** Listen on this port (a restart on the same address); a free one when not given. */
  port?: number
  /** Keep snapshots (dump.rdb, written by SAVE) in this folder and load one found there at start. */
  dir?: string
}

export async function startRedis(options: RedisOptions = {}): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  if (!existsSync(REDIS_SERVER))
    throw new Error(`No redis-server at ${REDIS_SERVER}: apt-get install -y redis-server (or set REDIS_SERVER_PATH).`)
  const port = options.port ?? (await freePort())
  const storage = options.dir ? ['--dir', options.dir, '--dbfilename', 'dump.rdb'] : []
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...storage],
    { stdio: 'ignore' },
  )
  for (let attempt = 0; !(await answers(port)); attempt++) {
    if (child.exitCode !== null || attempt > 100) throw new Error('redis-server did not start')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
