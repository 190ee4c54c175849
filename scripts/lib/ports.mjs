// Ports for the servers the test suite starts.
import { createServer } from 'node:net'

/** Resolves whether nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** A port the system says is free now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * The end-to-end server's port: E2E_PORT when set (refused at once if something already
 * listens there, rather than minutes later when Playwright starts), else a free one.
 */
export async function e2ePort(env = process.env) {
  if (!env.E2E_PORT) return String(await freePort())
  const port = Number(env.E2E_PORT)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PORT=${env.E2E_PORT} is not a port number.`)
  if (!(await isPortFree(port))) {
    throw new Error(
      `E2E_PORT=${port} is taken by another program: stop it, or choose another port (E2E_PORT=3200 npm test), or leave E2E_PORT unset for a free one.`,
    )
  }
  return String(port)
}
