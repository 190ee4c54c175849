'use client'
// In the review panel: when live content leaves the site by itself (seasonal advice, a
// time-limited alert). The time is picked in the reviewer's own time zone and sent with it.
import { useState } from 'react'

type Props = {
  collection: string
  id: string | number
  scheduled: { at: string; comment: string | null } | null
  canSchedule: boolean
  onChanged: () => void
}

export function ScheduleRetirement({ collection, id, scheduled, canSchedule, onChanged }: Props) {
  const [at, setAt] = useState('')
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function send(body: { at: string | null; comment?: string }) {
    setBusy(true)
    setError(null)
    const response = await fetch(`/api/${collection}/${id}/schedule-retirement`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = await response.json().catch(() => ({}))
    setBusy(false)
    if (!response.ok) return setError(answer?.errors?.[0]?.message ?? `Refused (${response.status}).`)
    setAt('')
    setComment('')
    onChanged()
  }

  if (!scheduled && !canSchedule) return null
  return (
    <div className="review-panel__schedule" data-testid="scheduled-retirement">
      {scheduled ? (
        <p>
          Retires automatically on <time dateTime={scheduled.at}>{new Date(scheduled.at).toLocaleString()}</time>
          {scheduled.comment ? ` (${scheduled.comment})` : ''}.{' '}
          {canSchedule && (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => void send({ at: null })}
            >
              Cancel scheduled retirement
            </button>
          )}
        </p>
      ) : (
        <details>
          <summary>Schedule retirement</summary>
          <label>
            Retire on (your time zone)
            <input type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} name="retire-at" />
          </label>
          <label>
            Why
            <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} name="retire-comment" />
          </label>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy || !at || !comment.trim()}
            onClick={() => void send({ at: new Date(at).toISOString(), comment })}
          >
            Schedule retirement
          </button>
        </details>
      )}
      {error && <p className="review-panel__error">{error}</p>}
    </div>
  )
}
