'use client'
// Beside the change summary: the evidence the version under review cites, its plain-language
// report, and what readers said about the article. Readers' words are shown as text (React
// escapes them), never as markup.
import { useEffect, useState } from 'react'
import type { ReviewChecks } from '../review/views/review-checks'
import { FEEDBACK_PROBLEM_LABEL } from '../workflow/feedback'
import { SOURCE_TYPE_LABEL, isSourceType } from '../workflow/evidence'
import { STRUCTURE_CHECK_LABEL } from '../workflow/content-structure'
import { send } from './send-json'

type Approval = { id: number; decidedAt: string; decision: string }

export function useReviewChecks(collection: string, id: string | number, refreshKey: string) {
  const [checks, setChecks] = useState<ReviewChecks | null>(null)
  const [reloads, setReloads] = useState(0)
  useEffect(() => {
    let cancelled = false
    void fetch(`/api/${collection}/${id}/checks`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => !cancelled && setChecks(body))
      .catch(() => !cancelled && setChecks(null))
    return () => {
      cancelled = true
    }
  }, [collection, id, refreshKey, reloads])
  return { checks, reload: () => setReloads((n) => n + 1) }
}

function Evidence({ evidence }: { evidence: NonNullable<ReviewChecks['evidence']> }) {
  if (evidence.length === 0) return <p className="review-panel__warning">This version cites no sources.</p>
  return (
    <ol className="review-checks__sources">
      {evidence.map((source) => (
        <li key={source.position}>
          {source.url ? (
            <a href={String(source.url)} target="_blank" rel="noreferrer">
              {source.title}
            </a>
          ) : (
            source.title
          )}
          {source.year ? ` (${source.year})` : ''}
          {isSourceType(source.type) ? ` · ${SOURCE_TYPE_LABEL[source.type]}` : ''}
          {source.section ? ` · for ${source.section}` : ''}
          {source.flags.map((flag) => (
            <span key={flag.kind} className="review-panel__warning" data-testid={`source-flag-${flag.kind}`}>
              {' '}
              ⚑ {flag.message}
            </span>
          ))}
        </li>
      ))}
    </ol>
  )
}

function PlainLanguage({ report }: { report: ReviewChecks['plainLanguage'] }) {
  return (
    <div data-testid="plain-language">
      <p className={report.aboveTarget ? 'review-panel__warning' : undefined}>
        Reading age {report.overall?.readingAge ?? 'n/a'} (target {report.target})
        {report.overall ? `, Flesch-Kincaid grade ${report.overall.grade}` : ''}
      </p>
      <ul>
        {report.fields.map((field) => (
          <li key={field.field}>
            {field.field}: {field.level ? `reading age ${field.level.readingAge}` : 'no text'}
            {field.flags.map((flag, index) => (
              <div key={index} className="review-checks__flag">
                {flag.kind === 'jargon' ? `“${flag.text}”: try “${flag.suggestion}”` : `Long sentence: ${flag.text}`}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {report.structure.map((issue, index) => (
        <p key={index} className="review-panel__warning">
          {STRUCTURE_CHECK_LABEL[issue.check]}: {issue.message}
          {report.blocking.some((blocking) => blocking.message === issue.message) ? ' (blocks approval)' : ''}
        </p>
      ))}
    </div>
  )
}

function ReaderFeedback({
  feedback,
  approvals,
  canAct,
  onChanged,
}: {
  feedback: NonNullable<ReviewChecks['feedback']>
  approvals: Approval[]
  canAct: boolean
  onChanged: () => void
}) {
  const [answeredBy, setAnsweredBy] = useState<string>('')
  const [message, setMessage] = useState<string | null>(null)
  async function close(id: number, status: 'acted_on' | 'dismissed') {
    const result = await send(`/api/feedback/${id}/act`, 'POST', {
      status,
      ...(status === 'acted_on' && answeredBy ? { answeredBy: Number(answeredBy) } : {}),
    })
    setMessage(result.ok ? null : result.message)
    if (result.ok) onChanged()
  }
  return (
    <div data-testid="reader-feedback">
      <p>
        Helpful: {feedback.helpful} yes, {feedback.notHelpful} no
      </p>
      {canAct && approvals.length > 0 && (
        <label>
          Answered by the approval
          <select value={answeredBy} onChange={(event) => setAnsweredBy(event.target.value)} name="answered-by">
            <option value="">(none)</option>
            {approvals.map((approval) => (
              <option key={approval.id} value={approval.id}>
                {approval.decision.replace('_', ' ')} {new Date(approval.decidedAt).toLocaleString()}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul className="review-checks__feedback">
        {feedback.items.map((item) => (
          <li key={item.id} data-testid="feedback-item">
            <strong>{item.problem ? FEEDBACK_PROBLEM_LABEL[item.problem] : item.helpful ? 'Helpful' : 'Not helpful'}</strong> ·{' '}
            {new Date(item.submittedAt).toLocaleString()} · {item.status.replace('_', ' ')}
            {item.comment && <blockquote>{item.comment}</blockquote>}
            {canAct && item.status === 'new' && (
              <>
                <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void close(item.id, 'acted_on')}>
                  Mark acted on
                </button>{' '}
                <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void close(item.id, 'dismissed')}>
                  Dismiss
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {message && (
        <p role="alert" className="review-panel__error">
          {message}
        </p>
      )}
    </div>
  )
}

export function ReviewChecksView({
  checks,
  approvals,
  canAct,
  onChanged,
}: {
  checks: ReviewChecks
  approvals: Approval[]
  canAct: boolean
  onChanged: () => void
}) {
  return (
    <section className="review-checks" data-testid="review-checks">
      {checks.evidence && (
        <details open>
          <summary>Evidence ({checks.evidence.length} sources)</summary>
          <Evidence evidence={checks.evidence} />
        </details>
      )}
      <details open={checks.plainLanguage.aboveTarget || checks.plainLanguage.structure.length > 0}>
        <summary>Plain language</summary>
        <PlainLanguage report={checks.plainLanguage} />
      </details>
      {checks.feedback && (
        <details open={checks.feedback.items.some((item) => item.status === 'new')}>
          <summary>Reader feedback ({checks.feedback.items.filter((item) => item.status === 'new').length} open)</summary>
          <ReaderFeedback feedback={checks.feedback} approvals={approvals} canAct={canAct} onChanged={onChanged} />
        </details>
      )}
    </section>
  )
}
