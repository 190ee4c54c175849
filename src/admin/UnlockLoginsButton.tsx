'use client'
// For admins, on a person's page: clear the failed-login counts of that account for every
// source address (Payload's unlock operation; src/accounts/login-throttle.ts).
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export function UnlockLoginsButton() {
  const { user } = useAuth()
  const { savedDocumentData } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  const email = typeof savedDocumentData?.email === 'string' ? savedDocumentData.email : null
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  const isAdmin = Array.isArray(roles) && roles.includes('admin')
  if (!isAdmin || !email) return null

  async function unlock() {
    const response = await fetch('/api/users/unlock', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    const body = await response.json().catch(() => ({}))
    setMessage(response.ok ? 'Logins unlocked from every address.' : (body?.errors?.[0]?.message ?? `Refused (${response.status}).`))
  }

  return (
    <div className="unlock-logins" data-testid="unlock-logins">
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void unlock()}>
        Unlock logins
      </button>
      <p>
        <small>Five failed logins from one address lock this account there for 15 minutes.</small>
      </p>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
