// Runs the shipped nginx micro-cache (deploy/nginx/vetted.conf.template) in front of the
// test server, as docker-compose would, on a free loopback port with its own files.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './ports'

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'

export type Proxy = { url: string; stop: () => Promise<void> }

export async function startProxy(appUrl: string, refreshToken: string): Promise<Proxy> {
  if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}: apt-get install -y nginx (or set NGINX_PATH).`)
  const dir = mkdtempSync(path.join(tmpdir(), 'vetted-nginx-'))
  const port = await freePort()
  const site = readFileSync('deploy/nginx/vetted.conf.template', 'utf8')
    .replaceAll('${VETTED_CACHE_REFRESH_TOKEN}', refreshToken)
    .replaceAll('${VETTED_APP_ADDRESS}', new URL(appUrl).host)
    .replace('/var/cache/nginx/vetted', path.join(dir, 'cache'))
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
  writeFileSync(path.join(dir, 'site.conf'), site)
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  )
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
