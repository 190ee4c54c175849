// Runs the shipped nginx micro-cache (deploy/nginx/vetted.conf.template) in front of the
// test server, as docker-compose would, on a free loopback port with its own files.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { mainConfig, renderSiteConfig } from '../../../scripts/lib/nginx-config.mjs'
import { freePort } from '../../../scripts/lib/ports.mjs'

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'

export type Proxy = { url: string; stop: () => Promise<void> }

export async function startProxy(appUrl: string, refreshToken: string): Promise<Proxy> {
  if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}: apt-get install -y nginx (or set NGINX_PATH).`)
  const dir = mkdtempSync(path.join(tmpdir(), 'vetted-nginx-'))
  const port = await freePort()
  const site = renderSiteConfig({ appAddress: new URL(appUrl).host, port, cacheDir: path.join(dir, 'cache'), refreshToken })
  writeFileSync(path.join(dir, 'site.conf'), site)
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, `  include ${dir}/site.conf;`))
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    try {
      await fetch(`${url}/robots.txt`)
      break
    } catch {
      if (attempt > 100) throw new Error(`nginx did not start: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT')
      await new Promise((resolve) => child.once('exit', resolve))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
