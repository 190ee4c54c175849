'use client'
// The release page: every member with what changed since its live version, approved one by one
// from here, and the release's own steps (add, submit, schedule, make live, cancel). Every
// action goes to the workflow REST API; the server decides.
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { ReleaseMember } from './ReleaseMember'
import { send } from './send-json'
import { RELEASE_STATE_LABEL } from '../workflow/release'
import { REVIEWABLE_COLLECTIONS, type ReviewableCollection } from '../workflow/reviewable'
import type { ReleaseView } from '../review/releases/releases'
import './admin.scss'

export function ReleasePanel() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const isReviewer = Boolean((user as { roles?: string[] } | null)?.roles?.includes('reviewer'))
  const [view, setView] = useState<ReleaseView | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [at, setAt] = useState('')

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`/api/releases/${id}`, { credentials: 'include' })
    if (response.ok) setView((await response.json()) as ReleaseView)
  }, [id])
  useEffect(() => void load(), [load])

  if (!id) return <p className="release-panel">Name the release and save it, then add the documents that go live together.</p>
  if (!view) return <p className="release-panel">Loading the release…</p>

  async function step(path: string, method: 'POST' | 'DELETE' = 'POST', body?: unknown) {
    setBusy(true)
    const result = await send(`/api/releases/${id}/${path}`, method, body)
    setBusy(false)
    setMessage(result)
    await load()
    return result.ok
  }

  const editable = view.state === 'open'
  const unfinished = view.state === 'open' || view.state === 'submitted' || view.state === 'scheduled'
  return (
    <div className="release-panel" data-testid="release-panel">
      <h3>
        {RELEASE_STATE_LABEL[view.state]} · <span data-testid="release-summary">{view.summary}</span>
      </h3>
      {view.goLiveAt && view.state === 'scheduled' && (
        <p data-testid="release-scheduled">
          Goes live on <time dateTime={view.goLiveAt}>{new Date(view.goLiveAt).toLocaleString()}</time>, if every member is still approved
          then.
        </p>
      )}
      {view.wentLiveAt && <p>Went live on {new Date(view.wentLiveAt).toLocaleString()}.</p>}
      {view.problem && <p className="review-panel__warning">{view.problem}</p>}

      <ol className="release-panel__members">
        {view.members.map((member) => (
          <ReleaseMember
            key={`${member.collection}:${member.id}`}
            member={member}
            canRemove={view.state === 'open' || view.state === 'submitted'}
            reviewing={view.state !== 'open' && unfinished}
            onRemove={() => void step(`members/${member.collection}/${member.id}`, 'DELETE')}
            onChanged={() => void load()}
            onAddShown={async (ids) => {
              for (const [collection, docId] of ids) await step('members', 'POST', { collection, id: docId })
            }}
            editable={editable}
          />
        ))}
      </ol>
      {view.members.length === 0 && <p>No documents yet.</p>}

      {editable && <AddMember onAdd={(collection, docId) => step('members', 'POST', { collection, id: docId })} />}

      <div className="review-panel__actions">
        {editable && (
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || view.members.length === 0}
            onClick={() => void step('submit')}
          >
            Submit for review
          </button>
        )}
        {isReviewer && (view.state === 'submitted' || view.state === 'scheduled') && (
          <>
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={busy || !view.ready}
              onClick={() => void step('go-live')}
            >
              Make live now
            </button>
            <label>
              Go live on (your time zone)
              <input type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} name="release-go-live-at" />
            </label>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy || !view.ready || !at}
              onClick={() => void step('schedule', 'POST', { at: new Date(at).toISOString() })}
            >
              Schedule
            </button>
            {view.state === 'scheduled' && (
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={busy}
                onClick={() => void step('schedule', 'POST', { at: null })}
              >
                Unschedule
              </button>
            )}
          </>
        )}
        {unfinished && (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy}
            onClick={() =>
              window.confirm('Cancel this release? Nothing of it goes live; approved members go back to review.') && void step('cancel')
            }
          >
            Cancel release
          </button>
        )}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'review-panel__ok' : 'review-panel__error'}>
          {message.message}
        </p>
      )}
    </div>
  )
}

type Found = { id: number; title: string }

function AddMember({ onAdd }: { onAdd: (collection: string, id: number) => Promise<boolean> }) {
  const [collection, setCollection] = useState<ReviewableCollection>('articles')
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Found[]>([])

  async function search() {
    const params = new URLSearchParams({ 'where[title][like]': query, limit: '10', depth: '0', draft: 'true', 'select[title]': 'true' })
    const response = await fetch(`/api/${collection}?${params}`, { credentials: 'include' })
    const body = await response.json().catch(() => ({ docs: [] }))
    setFound((body.docs ?? []) as Found[])
  }

  return (
    <fieldset className="release-panel__add" data-testid="release-add">
      <legend>Add a document</legend>
      <select value={collection} onChange={(e) => setCollection(e.target.value as ReviewableCollection)} name="release-add-collection">
        {REVIEWABLE_COLLECTIONS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Title" name="release-add-query" />
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void search()}>
        Find
      </button>
      <ul>
        {found.map((doc) => (
          <li key={doc.id}>
            {doc.title}{' '}
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              data-testid={`add-${collection}-${doc.id}`}
              onClick={() => void onAdd(collection, doc.id)}
            >
              Add
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
