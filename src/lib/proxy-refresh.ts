// Tells the reverse proxy's micro-cache (deploy/nginx) to fetch pages again right
// after an approval or retirement, instead of serving its copy for up to two more
// seconds (nginx keeps time in whole seconds). Off unless CACHE_REFRESH_URL is set.
const REFRESH_HEADER = 'X-Vetted-Refresh'

export function refreshProxy(paths: string[]): void {
  const base = process.env.CACHE_REFRESH_URL
  const token = process.env.CACHE_REFRESH_TOKEN
  if (!base || !token || paths.length === 0) return
  const host = new URL(process.env.SERVER_URL || base).host
  // Shortly after: the app's own cache tags are expired by the time the proxy asks.
  setTimeout(() => {
    for (const path of paths) {
      fetch(new URL(path, base), { headers: { [REFRESH_HEADER]: token, Host: host } })
        .then((response) => response.body?.cancel())
        .catch((error: unknown) => console.warn(`proxy refresh of ${path} failed: ${String(error)}`))
    }
  }, 50)
}
