// The compose files as docker compose reads them: nothing here runs Docker, it checks the files'
// promises. The single-instance file needs only what the docs pass it; the scaled one
// (docker-compose.scale.yml) has one image and one environment for every instance, migrations
// once before them, a Redis that never evicts the tag record, a replica made by pg_basebackup,
// and nginx in front of all of them.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { POSTGRES_MAJOR } from '../../scripts/lib/embedded-postgres.mjs'
import { renderSiteConfig } from '../../scripts/lib/nginx-config.mjs'

// js-yaml comes with Payload (json-schema-to-typescript); it resolves YAML anchors and merge
// keys (`<<`) the way docker compose does.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown }

type Service = {
  image?: string
  build?: unknown
  command?: string[]
  entrypoint?: string[]
  environment?: Record<string, string | number>
  depends_on?: Record<string, { condition: string }>
  volumes?: string[]
  healthcheck?: { test: string[] }
  restart?: string
}

const source = readFileSync('docker-compose.scale.yml', 'utf8')
const compose = load(source) as { services: Record<string, Service> }
const services = compose.services
const APPS = ['app1', 'app2', 'app3']
const apps = APPS.map((name) => services[name]!)

/** The file on this machine that a service mounts at `target`. */
function mounted(service: Service, target: string): string {
  const volume = service.volumes?.find((entry) => entry.split(':')[1] === target)
  expect(volume, `a volume mounted at ${target}`).toBeDefined()
  return volume!.split(':')[0]!
}

describe('docker-compose.scale.yml', () => {
  it('runs three app instances from one image with one environment', () => {
    for (const name of APPS) expect(services[name], name).toBeDefined()
    const [first, ...others] = apps
    expect(first!.image).toBeTruthy()
    for (const app of others) {
      expect(app.image).toBe(first!.image)
      expect(app.environment).toEqual(first!.environment)
      expect(app).toEqual(first)
    }
    // Built once, by the release step, under the name the instances run.
    expect(apps.every((app) => app.build === undefined)).toBe(true)
    expect(services.migrate!.build).toBeDefined()
    expect(services.migrate!.image).toBe(first!.image)
  })

  it('gives every instance the shared cache, the replica and the primary', () => {
    for (const app of apps) {
      const env = app.environment!
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:\d+/)
      expect(String(env.DATABASE_REPLICA_URLS)).toMatch(/^postgres:\/\/[^@]+@postgres-replica:5432\//)
      expect(String(env.DATABASE_URL)).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//)
      expect(env.CACHE_REFRESH_URL).toBe('http://nginx:8080')
    }
  })

  it('requires PAYLOAD_SECRET and nothing else', () => {
    for (const app of apps) expect(app.environment!.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?.+\}$/)
    const required = [...source.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1])
    expect([...new Set(required)]).toEqual(['PAYLOAD_SECRET'])
  })

  it('migrates once, on the primary, before any instance starts', () => {
    const migrate = services.migrate!
    expect(migrate.command!.join(' ')).toMatch(/--migrate\b|npm run migrate/)
    expect(migrate.environment!.DATABASE_URL).toBe(apps[0]!.environment!.DATABASE_URL)
    expect(migrate.depends_on?.postgres?.condition).toBe('service_healthy')
    for (const app of apps) expect(app.depends_on?.migrate?.condition).toBe('service_completed_successfully')
  })

  it('runs Redis bounded, evicting only keys that expire (the tag record has no TTL)', () => {
    const command = services.redis!.command!
    const setting = (name: string) => command[command.indexOf(name) + 1]
    expect(command).toContain('--maxmemory')
    expect(setting('--maxmemory-policy')).toMatch(/^(volatile-(lru|lfu|random|ttl)|noeviction)$/)
  })

  it('makes the replica with pg_basebackup -R from the primary', () => {
    const replica = services['postgres-replica']!
    const script = mounted(replica, replica.entrypoint!.at(-1)!)
    expect(existsSync(script), script).toBe(true)
    const text = readFileSync(script, 'utf8')
    const at = text.indexOf('pg_basebackup -h')
    expect(at, 'a pg_basebackup command').toBeGreaterThan(-1)
    // The whole command, continuation lines joined.
    const basebackup = text
      .slice(at)
      .split(/(?<!\\)\n/)[0]!
      .replace(/\\\n/g, ' ')
    expect(basebackup).toMatch(/-h "\$PRIMARY_HOST"/)
    expect(basebackup).toMatch(/\s-R(\s|$)/)
    expect(basebackup).toMatch(/\s-X stream(\s|$)/)
    expect(replica.depends_on?.postgres?.condition).toBe('service_healthy')
    expect(replica.healthcheck!.test.join(' ')).toContain('pg_isready')

    const primary = services.postgres!
    const init = mounted(primary, '/docker-entrypoint-initdb.d/10-replication.sh')
    expect(readFileSync(init, 'utf8')).toMatch(/LOGIN REPLICATION[\s\S]*host replication /)
    expect(primary.command!.join(' ')).toContain('wal_level=replica')
    expect(primary.healthcheck!.test.join(' ')).toContain('pg_isready')
    // The same PostgreSQL as the single-instance compose file, and as the embedded one.
    expect(primary.image).toBe(readFileSync('docker-compose.yml', 'utf8').match(/image: (postgres:\S+)/)![1])
    expect(primary.image).toBe(`postgres:${POSTGRES_MAJOR}`)
    expect(replica.image).toBe(primary.image)
  })

  it('puts nginx in front of every instance, with what its template names', () => {
    const nginx = services.nginx!
    for (const name of APPS) {
      expect(nginx.depends_on?.[name], name).toBeDefined()
      expect(String(nginx.environment!.VETTED_APP_SERVERS)).toContain(`server ${name}:3000;`)
    }
    const template = readFileSync('deploy/nginx/vetted.conf.template', 'utf8')
    for (const [, name] of template.matchAll(/\$\{(VETTED_\w+)\}/g)) expect(nginx.environment, name).toHaveProperty(name!)
  })
})

describe('the nginx template with several instances', () => {
  it('lists each one in the upstream and moves on from one that fails', () => {
    const site = renderSiteConfig({ appAddresses: ['127.0.0.1:3001', '127.0.0.1:3002'], port: 1, cacheDir: '/tmp/x', refreshToken: '' })
    expect(site).toMatch(/upstream vetted_app \{[^}]*server 127\.0\.0\.1:3001; server 127\.0\.0\.1:3002;[^}]*\}/)
    expect(site).toMatch(/proxy_next_upstream error timeout http_502 http_503;/)
    expect(renderSiteConfig({ appAddress: '127.0.0.1:3000', port: 1, cacheDir: '/tmp/x', refreshToken: '' })).toContain(
      'server 127.0.0.1:3000;',
    )
    expect(() => renderSiteConfig({ appAddresses: ['app:3000; evil'], port: 1, cacheDir: '/tmp/x', refreshToken: '' })).toThrow(/host:port/)
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

  it('restarts every long-running service that stops (start.mjs restarts the server process inside)', () => {
    const single = (load(compose) as { services: Record<string, Service> }).services
    for (const [name, service] of Object.entries(single)) expect(service.restart, name).toBe('unless-stopped')
    for (const [name, service] of Object.entries(services)) expect(service.restart, name).toBe(name === 'migrate' ? 'no' : 'unless-stopped')
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
