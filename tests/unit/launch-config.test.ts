// What a first-time user runs: the e2e port check and the compose file as the README uses it.
import { readFileSync } from 'node:fs'
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

describe('docker-compose.yml', () => {
  const compose = readFileSync('docker-compose.yml', 'utf8')
  const readme = readFileSync('README.md', 'utf8')

  it('needs only what the README passes (PAYLOAD_SECRET, SEED_PASSWORD)', () => {
    const required = [...compose.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1])
    expect([...new Set(required)]).toEqual(['PAYLOAD_SECRET'])
    expect(readme).toMatch(/export PAYLOAD_SECRET=\$\(openssl rand -hex 32\) SEED_PASSWORD=/)
  })

  it('publishes no database port, which would clash with a local PostgreSQL', () => {
    const db = compose.slice(compose.indexOf('  db:'), compose.indexOf('  app:'))
    expect(db).not.toMatch(/ports:/)
  })

  it('gives nginx what its template names', () => {
    const template = readFileSync('deploy/nginx/vetted.conf.template', 'utf8')
    const names = new Set([...template.matchAll(/\$\{(VETTED_\w+)\}/g)].map((match) => match[1]))
    for (const name of names) expect(compose, name!).toContain(`${name}:`)
  })
})
