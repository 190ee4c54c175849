// Tells the reverse proxy's micro-cache (deploy/nginx) to fetch pages again right
// after an approval or retirement, instead of serving its copy for up to two more
// seconds (nginx keeps time in whole seconds). Off unless CACHE_REFRESH_URL is set.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

const REFRESH_HEADER = 'x-vetted-refresh'

/**
 * One GET with the public site's Host header, which the proxy's cache key contains
 * (`fetch` drops a Host header and would send the proxy's own address instead).
 */
function ask(url: URL, host: string, token: string): Promise<void> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers: { host, [REFRESH_HEADER]: token }, timeout: 10_000 }, (res) => {
      res.resume()
      res.on('end', resolve)
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}

export function refreshProxy(paths: string[]): void {
  const base = process.env.CACHE_REFRESH_URL
  const token = process.env.CACHE_REFRESH_TOKEN
  if (!base || !token || paths.length === 0) return
  const host = new URL(process.env.SERVER_URL || base).host
  // Shortly after: the app's own cache tags are expired by the time the proxy asks. One
  // page at a time, in the order given (the article first): in parallel they share the
  // server's one thread and the article waited for the home and topic pages.
  setTimeout(async () => {
    for (const path of paths) {
      try {
        await ask(new URL(path, base), host, token)
      } catch (error) {
        console.warn(`proxy refresh of ${path} failed: ${String(error)}`)
      }
    }
  }, 50)
}
