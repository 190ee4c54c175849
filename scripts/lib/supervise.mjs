// Keeps the server up: when its process dies (out of memory, a crash, a kill) it is started
// again, and the restart is logged. A server that dies before it ever listens (a port in use,
// a broken build) is not restarted for ever: after five such failures in a row the supervisor
// gives up with its exit code. One that dies after listening is always restarted.
import net from 'node:net'

const STARTUP_FAILURES_BEFORE_GIVING_UP = 5

/** Whether something accepts connections on the port. */
const listening = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ port: Number(port), host: '127.0.0.1' })
    socket.setTimeout(1000)
    const answer = (value) => {
      socket.destroy()
      resolve(value)
    }
    socket.once('connect', () => answer(true))
    socket.once('error', () => answer(false))
    socket.once('timeout', () => answer(false))
  })

/**
 * Runs `start` (which resolves with the server's exit code) until asked to stop by SIGINT or
 * SIGTERM; `prepare` runs before each start. Resolves with the last exit code.
 */
export async function supervise({ start, prepare = () => {}, port, log = (line) => console.error(line), restartDelayMs = 1000 }) {
  let stopping = false
  const stop = () => {
    stopping = true
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  let startupFailures = 0
  let restarts = 0
  try {
    for (;;) {
      prepare()
      const began = Date.now()
      let ready = false
      const exited = start().then((code) => ({ code }))
      for (;;) {
        const outcome = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))])
        if (outcome) break
        if (!ready && (await listening(port))) ready = true
      }
      const { code } = await exited
      if (stopping) return code
      startupFailures = ready ? 0 : startupFailures + 1
      const ran = `${Math.round((Date.now() - began) / 1000)} s`
      if (startupFailures >= STARTUP_FAILURES_BEFORE_GIVING_UP) {
        log(`vetted: the server stopped before it listened on port ${port}, ${startupFailures} times in a row (exit ${code}); giving up.`)
        return code || 1
      }
      const delay = restartDelayMs * 2 ** Math.max(0, startupFailures - 1)
      restarts += 1
      log(`vetted: the server stopped (exit ${code}) after ${ran}; starting it again in ${delay / 1000} s (restart ${restarts}).`)
      await new Promise((resolve) => setTimeout(resolve, delay))
      if (stopping) return code
    }
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}
