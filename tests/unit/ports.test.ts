import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { e2ePort as portFrom } from '../../scripts/lib/ports.mjs'

const e2ePort = (env: Record<string, string>) => portFrom(env as unknown as NodeJS.ProcessEnv)

describe('the end-to-end server port', () => {
  it('is a free one when E2E_PORT is not set', async () => {
    const port = Number(await e2ePort({}))
    expect(port).toBeGreaterThan(0)
  })

  it('is refused at once, naming E2E_PORT, when taken', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const { port } = server.address() as { port: number }
    try {
      await expect(e2ePort({ E2E_PORT: String(port) })).rejects.toThrow(new RegExp(`E2E_PORT=${port} is taken`))
    } finally {
      server.close()
    }
    await expect(e2ePort({ E2E_PORT: 'abc' })).rejects.toThrow(/not a port number/)
  })
})
