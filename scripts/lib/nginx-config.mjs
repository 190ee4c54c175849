// The shipped nginx micro-cache (deploy/nginx/vetted.conf.template), filled in the way the
// nginx image fills it from the environment, for running it on this machine: the browser
// tests and bench/page-throughput.mjs put it in front of a local server.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from './run.mjs'

const TEMPLATE = path.join(projectRoot, 'deploy/nginx/vetted.conf.template')

/**
 * The template with its variables, listen port and cache folder set; refuses to leave one unfilled.
 * The app is `appAddress` ('127.0.0.1:3000'), or several instances in `appAddresses`.
 * @param {{ appAddress?: string, appAddresses?: string[], port: number, cacheDir: string, refreshToken: string }} options
 */
export function renderSiteConfig({ appAddress, appAddresses = appAddress ? [appAddress] : [], port, cacheDir, refreshToken }) {
  if (appAddresses.length === 0 || appAddresses.some((address) => !/^[\w.:[\]-]+$/.test(address))) {
    throw new Error(`renderSiteConfig: app addresses must be host:port, got ${JSON.stringify(appAddresses)}`)
  }
  // One line: the nginx image fills VETTED_APP_SERVERS the same way (docker-compose*.yml).
  const servers = appAddresses.map((address) => `server ${address};`).join(' ')
  const site = readFileSync(TEMPLATE, 'utf8')
    .replaceAll('${VETTED_CACHE_REFRESH_TOKEN}', refreshToken)
    .replaceAll('${VETTED_APP_SERVERS}', servers)
    .replace('/var/cache/nginx/vetted', cacheDir)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
  const unfilled = site.match(/\$\{\w+\}/)
  if (unfilled) throw new Error(`deploy/nginx/vetted.conf.template: ${unfilled[0]} is not filled in by scripts/lib/nginx-config.mjs`)
  return site
}

/** A whole nginx.conf that keeps everything (pid, logs, temp files) in `dir`, around `http` blocks. */
export function mainConfig(dir, httpBlocks) {
  return `daemon off;
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${httpBlocks}
}
`
}
