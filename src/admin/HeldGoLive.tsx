'use client'
// In the review panel: an approved version that waits to go live (at its scheduled time, or with
// its release), and for a scheduled one, moving the time or withdrawing it (back to review).
import { useState } from 'react'
import { send } from './send-json'

type Props = {
  collection: string
  id: string | number
  held: { versionId: string; signedOffAt: string; goLiveAt: string | null }
  canMove: boolean
  onChanged: () => void
}

export function HeldGoLive({ collection, id, held, canMove, onChanged }: Props) {
  const [at, setAt] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function schedule(value: string | null) {
    const result = await send(`/api/${collection}/${id}/schedule-go-live`, 'POST', { at: value })
    setError(result.ok ? null : result.message)
    if (result.ok) onChanged()
  }

  return (
    <div className="review-panel__schedule" data-testid="held-go-live">
      <p>
        Version {held.versionId} was approved on {new Date(held.signedOffAt).toLocaleString()}
        {held.goLiveAt ? (
          <>
            {' '}
            and goes live on <time dateTime={held.goLiveAt}>{new Date(held.goLiveAt).toLocaleString()}</time>.
          </>
        ) : (
          ' and waits for its release.'
        )}
      </p>
      {held.goLiveAt && canMove && (
        <p>
          <input type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} name="move-go-live-at" />{' '}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={!at}
            onClick={() => void schedule(new Date(at).toISOString())}
          >
            Move
          </button>{' '}
          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void schedule(null)}>
            Withdraw (back to review)
          </button>
        </p>
      )}
      {error && <p className="review-panel__error">{error}</p>}
    </div>
  )
}
