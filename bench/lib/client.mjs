// HTTP helpers the benchmark scripts share: log a demo person in, call the API.
const password = process.env.SEED_PASSWORD || 'vetted-demo'

export function apiClient(base) {
  async function login(email) {
    const response = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`)
    return (await response.json()).token
  }

  /** Answers { status, body } whatever the status (token optional; path starts with /). */
  async function attempt(token, method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
    const text = await response.text()
    let parsed = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // Not JSON: the body is kept as text.
    }
    return { status: response.status, body: parsed }
  }

  /** The answer's body; throws on anything but a 2xx. */
  async function call(token, method, path, body) {
    const { status, body: answer } = await attempt(token, method, path, body)
    if (status < 200 || status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(answer).slice(0, 300)}`)
    return answer
  }

  return { login, attempt, call }
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/** BASE_URL, which load and fuzz scripts only ever point at this machine (loopback). */
export function loopbackBase(script) {
  const base = process.env.BASE_URL || 'http://127.0.0.1:3000'
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(base)) {
    console.error(`${script} only targets this machine (loopback addresses).`)
    process.exit(2)
  }
  return base
}
