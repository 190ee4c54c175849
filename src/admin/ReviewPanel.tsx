'use client'
// The review panel in the sidebar of articles, tips and warnings: where the document
// stands, what changed since the version readers see, the trail, and the actions this
// person may take. Every action goes to the workflow REST API; the server decides.
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'
import { AssignReviewers } from './AssignReviewers'
import { ScheduleRetirement } from './ScheduleRetirement'
import { HeldGoLive } from './HeldGoLive'
import { ChangeSummaryView } from './ChangeSummaryView'
import { StateBadge } from './StateBadge'
import { type Action, ACTION_LABEL, ACTION_PATH } from '../workflow/states'
import { useWorkflowStatus } from './useWorkflowStatus'
import { REVIEW_KIND_LABEL, REVIEW_KINDS, type ReviewKind } from '../workflow/review-kind'
import { RETIREMENT_REASONS } from '../workflow/change-log'
import { isReviewableCollection, REVIEWABLE } from '../workflow/reviewable'
import { ReviewChecksView, useReviewChecks } from './ReviewChecksView'
import { useApprovalConfirmations } from './ApprovalConfirmations'
import './admin.scss'

const NEEDS_COMMENT = new Set<string>(['request_changes', 'retire'])

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '')

export function ReviewPanel() {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const hasPage = isReviewableCollection(collectionSlug) && REVIEWABLE[collectionSlug].hasPage
  const slug = typeof savedDocumentData?.slug === 'string' ? savedDocumentData.slug : null
  const { status, announceChange } = useWorkflowStatus()
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [reviewKind, setReviewKind] = useState<ReviewKind>('full')
  const [goLiveAt, setGoLiveAt] = useState('')
  const [changeNote, setChangeNote] = useState('')
  const [correction, setCorrection] = useState(false)
  const [retireNote, setRetireNote] = useState('')
  const [replacement, setReplacement] = useState('')
  const refreshKey = `${status?.state}:${status?.latestVersionId}:${status?.submission?.versionId ?? ''}:${status?.history.length ?? 0}`
  const { checks, reload } = useReviewChecks(collectionSlug ?? '', id ?? '', refreshKey)
  const confirmations = useApprovalConfirmations(collectionSlug ?? '', checks)

  if (!id) return <div className="review-panel">Save a first draft to start the review.</div>
  if (!status) return <div className="review-panel">Loading review status…</div>

  async function act(action: string) {
    setBusy(true)
    setMessage(null)
    const versionId = action === 'submit' ? status!.latestVersionId : status!.submission?.versionId
    const response = await fetch(`/api/${collectionSlug}/${id}/${ACTION_PATH[action as Action]}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        versionId,
        comment: comment || undefined,
        ...(action === 'approve'
          ? {
              reviewKind,
              correction,
              changeNote: changeNote || undefined,
              ...confirmations.answers,
              ...(goLiveAt ? { goLiveAt: new Date(goLiveAt).toISOString() } : {}),
            }
          : {}),
        ...(action === 'retire'
          ? { reason: retireNote || undefined, ...(replacement.trim() ? { replacement: replacement.trim() } : {}) }
          : {}),
      }),
    })
    const body = await response.json().catch(() => ({}))
    setBusy(false)
    if (!response.ok) {
      setMessage({ kind: 'error', text: body?.errors?.[0]?.message ?? `Refused (${response.status}).` })
      return
    }
    setComment('')
    setReviewKind('full')
    setGoLiveAt('')
    setChangeNote('')
    setCorrection(false)
    confirmations.reset()
    setRetireNote('')
    setReplacement('')
    setMessage({ kind: 'ok', text: `${ACTION_LABEL[action as Action]}: done.` })
    announceChange()
  }

  async function discard() {
    if (
      !window.confirm(
        'Discard the unapproved changes? A new draft with the approved content is saved; the changes stay in the version history.',
      )
    )
      return
    setBusy(true)
    setMessage(null)
    const response = await fetch(`/api/${collectionSlug}/${id}/discard-draft`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    const body = await response.json().catch(() => ({}))
    setBusy(false)
    if (!response.ok) {
      setMessage({ kind: 'error', text: body?.errors?.[0]?.message ?? `Refused (${response.status}).` })
      return
    }
    // The form holds the discarded words: load the document again.
    window.location.reload()
  }

  const needsComment = status.availableActions.some((a) => NEEDS_COMMENT.has(a))
  return (
    <div className="review-panel" data-testid="review-panel">
      <h3>Medical review</h3>
      <p>
        <StateBadge state={status.state} /> {status.isLive ? '· a version is live' : '· not on the site'}
      </p>
      {status.needsReReview && <p className="review-panel__warning">Needs re-review: {status.reReviewReason}</p>}
      {status.release && (
        <p data-testid="in-release">
          In the release <a href={`/admin/collections/releases/${status.release.id}`}>{status.release.name}</a>: it goes live with it, not
          on its own.
        </p>
      )}
      {status.heldSignOff && (
        <HeldGoLive
          collection={collectionSlug ?? ''}
          id={id}
          held={status.heldSignOff}
          canMove={status.availableActions.includes('retire') || status.availableActions.includes('request_changes')}
          onChanged={announceChange}
        />
      )}
      {status.submission && (
        <p>
          Version {status.submission.versionId} submitted
          {status.submission.by && typeof status.submission.by === 'object' ? ` by ${status.submission.by.displayName}` : ''}{' '}
          {when(status.submission.at)}
        </p>
      )}
      {status.state === 'in_review' && (
        <AssignReviewers collection={collectionSlug ?? ''} id={id} assigned={status.assignedTo ?? []} onChanged={announceChange} />
      )}
      {status.signOff && (
        <p data-testid="sign-off-progress">
          Sign-off: {status.signOff.summary}
          {status.signOff.policy.rules.length > 0 && ` (rule: ${status.signOff.policy.rules.join(', ')})`}
        </p>
      )}
      {status.verification && (
        <p className={status.verification.verified ? 'review-panel__ok' : 'review-panel__warning'}>
          {status.verification.verified ? 'Live content matches its approval.' : `Live content check: ${status.verification.reason}`}
        </p>
      )}
      {status.editedSinceApprovalByYou && status.availableActions.includes('request_changes') && (
        <p className="review-panel__warning">You edited this since the last approval: another reviewer must approve it.</p>
      )}

      {hasPage && slug && (
        <p>
          <a href={`/preview?slug=${slug}`} target="_blank" rel="noreferrer">
            Preview as readers would see it
          </a>
        </p>
      )}
      {status.changes && <ChangeSummaryView changes={status.changes} titles={status.relationTitles} compareUrl={status.compareUrl} />}
      {checks && (
        <ReviewChecksView
          checks={checks}
          approvals={status.history.filter((record) => record.decision === 'approved' || record.decision === 'went_live')}
          canAct={
            status.availableActions.includes('request_changes') ||
            status.availableActions.includes('retire') ||
            status.availableActions.includes('approve')
          }
          onChanged={reload}
        />
      )}

      {status.availableActions.length > 0 && (
        <div className="review-panel__actions">
          {needsComment && (
            <label>
              Comment for the editor
              <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} name="review-comment" />
            </label>
          )}
          {status.availableActions.includes('approve') && (
            <fieldset className="review-panel__kind" data-testid="review-kind">
              <legend>This approval is</legend>
              {REVIEW_KINDS.map((kind) => (
                <label key={kind}>
                  <input
                    type="radio"
                    name="review-kind"
                    value={kind}
                    checked={reviewKind === kind}
                    disabled={kind === 'minor' && (!status.lastFullReviewAt || !status.isLive)}
                    onChange={() => setReviewKind(kind)}
                  />{' '}
                  {REVIEW_KIND_LABEL[kind]}
                </label>
              ))}
              <label>
                <input
                  type="checkbox"
                  checked={correction}
                  disabled={!status.isLive}
                  onChange={(e) => setCorrection(e.target.checked)}
                  name="correction"
                />{' '}
                This corrects a mistake readers saw
              </label>
              <label>
                Public note: what changed{correction ? ' (required: what was wrong and what changed)' : ' (optional)'}
                <textarea value={changeNote} onChange={(e) => setChangeNote(e.target.value)} rows={2} name="change-note" maxLength={1000} />
              </label>
              {confirmations.fields}
              {!status.release && (
                <label>
                  Go live (empty: at once; your time zone)
                  <input type="datetime-local" step={1} value={goLiveAt} onChange={(e) => setGoLiveAt(e.target.value)} name="go-live-at" />
                </label>
              )}
              <small>
                {status.lastFullReviewAt && status.isLive
                  ? `Only a full review moves the public “last reviewed” date (last: ${new Date(status.lastFullReviewAt).toLocaleDateString()}) and the next review due.`
                  : status.lastFullReviewAt
                    ? 'Not live: coming back after retirement takes a full review.'
                    : 'Never fully reviewed yet: the first sign-off is a full review.'}
              </small>
            </fieldset>
          )}
          {status.availableActions.includes('retire') && hasPage && (
            <fieldset className="review-panel__kind" data-testid="retire-options">
              <legend>If you retire it, readers of its address see</legend>
              <label>
                Why it was retired (public, optional)
                <select value={retireNote} onChange={(e) => setRetireNote(e.target.value)} name="retire-reason">
                  <option value="">(say nothing)</option>
                  {Object.entries(RETIREMENT_REASONS).map(([code, text]) => (
                    <option key={code} value={code}>
                      {text}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Current advice instead: the id of a live article (optional)
                <input value={replacement} onChange={(e) => setReplacement(e.target.value)} name="replacement" inputMode="numeric" />
              </label>
            </fieldset>
          )}
          {status.availableActions.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn--style-${action === 'approve' ? 'primary' : 'secondary'} btn--size-small`}
              disabled={busy || (NEEDS_COMMENT.has(action) && !comment.trim()) || (action === 'approve' && !confirmations.ready)}
              onClick={() => void act(action)}
            >
              {ACTION_LABEL[action as Action]}
            </button>
          ))}
        </div>
      )}
      <ScheduleRetirement
        collection={collectionSlug ?? ''}
        id={id}
        scheduled={status.scheduledRetirement}
        canSchedule={status.isLive && status.availableActions.includes('retire')}
        onChanged={announceChange}
      />
      {status.hasUnapprovedDraft && (
        <p>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void discard()}>
            Discard draft
          </button>{' '}
          <small>Go back to the approved content (saved as a new draft; nothing is published).</small>
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`review-panel__${message.kind}`}>
          {message.text}
        </p>
      )}

      {status.history.length > 0 && (
        <section>
          <h4>Review history</h4>
          <ol className="review-panel__history">
            {status.history.map((record) => (
              <li key={record.id}>
                <strong>{record.decision.replace('_', ' ')}</strong>
                {record.decision === 'approved' && record.policySummary && !record.publishes && ` (${record.policySummary})`}
                {record.superseded && ' · superseded'} by {record.reviewerName}
                {record.reviewerCredentials ? `, ${record.reviewerCredentials}` : ''} · {when(record.decidedAt)} · version{' '}
                {record.versionId}
                {record.comment && <blockquote>{record.comment}</blockquote>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
