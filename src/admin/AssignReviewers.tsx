'use client'
// In the review panel, for a submission in review: who it is assigned to, and a way to
// change that (POST /api/<collection>/:id/assign; the server decides who may).
import { useEffect, useState } from 'react'

type Reviewer = { id: number; displayName: string; specialties: string[] }
type Props = {
  collection: string
  id: string | number
  assigned: { id: number; displayName: string }[]
  onChanged: () => void
}

export function AssignReviewers({ collection, id, assigned, onChanged }: Props) {
  const [reviewers, setReviewers] = useState<Reviewer[] | null>(null)
  const [chosen, setChosen] = useState<Set<number>>(new Set(assigned.map((person) => person.id)))
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!editing || reviewers) return
    void fetch('/api/reviewers', { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { reviewers?: Reviewer[] }) => setReviewers(body.reviewers ?? []))
      .catch(() => setError('Could not load the reviewers.'))
  }, [editing, reviewers])

  async function save() {
    setError(null)
    const response = await fetch(`/api/${collection}/${id}/assign`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reviewerIds: [...chosen] }),
    })
    const body = await response.json().catch(() => ({}))
    if (!response.ok) {
      setError(body?.errors?.[0]?.message ?? `Refused (${response.status}).`)
      return
    }
    setEditing(false)
    onChanged()
  }

  const toggle = (reviewer: number) =>
    setChosen((current) => {
      const next = new Set(current)
      if (next.has(reviewer)) next.delete(reviewer)
      else next.add(reviewer)
      return next
    })

  return (
    <div className="review-panel__assign" data-testid="assigned-reviewers">
      <p>
        {assigned.length > 0
          ? `Assigned to ${assigned.map((person) => person.displayName).join(', ')}`
          : 'Not assigned: any reviewer may take it.'}{' '}
        {!editing && (
          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => setEditing(true)}>
            Assign reviewers
          </button>
        )}
      </p>
      {editing && (
        <fieldset>
          <legend>Assign to</legend>
          {reviewers === null && !error && <p>Loading reviewers…</p>}
          {reviewers?.map((reviewer) => (
            <label key={reviewer.id}>
              <input type="checkbox" checked={chosen.has(reviewer.id)} onChange={() => toggle(reviewer.id)} /> {reviewer.displayName}
              {reviewer.specialties.length > 0 && <small> ({reviewer.specialties.join(', ')})</small>}
            </label>
          ))}
          <button type="button" className="btn btn--style-primary btn--size-small" onClick={() => void save()}>
            Save assignment
          </button>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="review-panel__error">
          {error}
        </p>
      )}
    </div>
  )
}
