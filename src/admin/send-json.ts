// A JSON request to the workflow API from the admin, answered as ok or the server's refusal.
export async function send(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<{ ok: boolean; message: string }> {
  const response = await fetch(path, {
    method,
    credentials: 'include',
    // Always JSON, even empty: the workflow API takes nothing else (src/http/request-body.ts).
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  })
  const answer = await response.json().catch(() => ({}))
  return { ok: response.ok, message: response.ok ? 'Done.' : (answer?.errors?.[0]?.message ?? `Refused (${response.status}).`) }
}
