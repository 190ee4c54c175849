'use client'
// One document of a release, on the release page: where it stands in the release, what changed
// since its live version, and (for reviewers) its own approval, given here one by one.
import { useCallback, useEffect, useState } from 'react'
import { ChangeSummaryView } from './ChangeSummaryView'
import { StateBadge } from './StateBadge'
import { nounOf, REVIEWABLE } from '../workflow/reviewable'
import { send } from './send-json'
import type { MemberView, WorkflowStatus } from './types'
import { useReviewChecks } from './ReviewChecksView'
import { useApprovalConfirmations } from './ApprovalConfirmations'

const STATUS_LABEL: Record<MemberView['status'], string> = {
  waiting: 'Waiting for its approval',
  approved: 'Approved',
  stale: 'Saved again since its approval: needs a new one',
  changed: 'A tip or warning it shows changed: needs a new approval',
}

type Props = {
  member: MemberView
  canRemove: boolean
  reviewing: boolean
  editable: boolean
  onRemove: () => void
  onChanged: () => void
  onAddShown: (ids: [string, number][]) => Promise<void>
}

export function ReleaseMember({ member, canRemove, reviewing, editable, onRemove, onChanged, onAddShown }: Props) {
  const [status, setStatus] = useState<WorkflowStatus | null>(null)
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null)
  const base = `/api/${member.collection}/${member.id}`
  const { checks } = useReviewChecks(member.collection, member.id, `${member.state}:${member.status}`)
  const confirmations = useApprovalConfirmations(member.collection, checks)

  const load = useCallback(async () => {
    const response = await fetch(`${base}/workflow`, { credentials: 'include' })
    if (response.ok) setStatus((await response.json()) as WorkflowStatus)
  }, [base])
  useEffect(() => void load(), [load, member.state, member.status])

  async function act(path: string, body: Record<string, unknown>) {
    const result = await send(`${base}/${path}`, 'POST', { versionId: status?.submission?.versionId, ...body })
    setMessage(result)
    if (result.ok) {
      setComment('')
      confirmations.reset()
    }
    onChanged()
    await load()
  }

  async function addShown() {
    const response = await fetch(`${base}?draft=true&depth=0`, { credentials: 'include' })
    const doc = await response.json().catch(() => ({}))
    const ids: [string, number][] = [
      ...((doc.tips ?? []) as number[]).map((id): [string, number] => ['tips', id]),
      ...((doc.warnings ?? []) as number[]).map((id): [string, number] => ['warnings', id]),
    ]
    await onAddShown(ids)
  }

  const canApprove = reviewing && status?.availableActions.includes('approve')
  return (
    <li className="release-member" data-testid={`release-member-${member.collection}-${member.id}`} data-status={member.status}>
      <p>
        <a href={`/admin/collections/${member.collection}/${member.id}`}>{member.title}</a> ({nounOf(member.collection)}){' '}
        <StateBadge state={member.state} /> · <strong data-testid="member-status">{STATUS_LABEL[member.status]}</strong>
        {canRemove && (
          <>
            {' '}
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onRemove}>
              Remove
            </button>
          </>
        )}
        {editable && REVIEWABLE[member.collection].shows.length > 0 && (
          <>
            {' '}
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void addShown()}>
              Add the tips and warnings it shows
            </button>
          </>
        )}
      </p>
      {status?.signOff && <p>Sign-off: {status.signOff.summary}</p>}
      {status?.changes && <ChangeSummaryView changes={status.changes} titles={status.relationTitles} compareUrl={status.compareUrl} />}
      {canApprove && (
        <div className="review-panel__actions">
          <label>
            Comment
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={2}
              name={`comment-${member.collection}-${member.id}`}
            />
          </label>
          {confirmations.fields}
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={!confirmations.ready}
            onClick={() => void act('approve', { comment: comment || undefined, ...confirmations.answers })}
          >
            Approve this {nounOf(member.collection)}
          </button>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={!comment.trim()}
            onClick={() => void act('request-changes', { comment })}
          >
            Request changes
          </button>
        </div>
      )}
      {message && <p className={message.ok ? 'review-panel__ok' : 'review-panel__error'}>{message.message}</p>}
    </li>
  )
}
