'use client'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FEEDBACK_PROBLEM_LABEL, FEEDBACK_PROBLEMS, MAX_FEEDBACK_LENGTH } from '@/workflow/feedback'

type Sent = { state: 'idle' } | { state: 'sending' } | { state: 'sent' } | { state: 'failed'; message: string }

/**
 * "Was this page helpful?" A plain form that works without JavaScript (the server answers with
 * a page); with it, the answer appears here. The hidden "website" field is for robots only.
 */
export function FeedbackForm({ slug }: { slug: string }) {
  // When the form was shown (robots post at once): set after the first render, which must stay pure.
  const shownAt = useRef(0)
  useEffect(() => {
    shownAt.current = Date.now()
  }, [])
  const [helpful, setHelpful] = useState<'yes' | 'no' | null>(null)
  const [sent, setSent] = useState<Sent>({ state: 'idle' })

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = Object.fromEntries(form.entries())
    setSent({ state: 'sending' })
    try {
      const response = await fetch('/api/feedback/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...body,
          contactConsent: form.get('contactConsent') === 'yes',
          secondsOnForm: (Date.now() - shownAt.current) / 1000,
        }),
      })
      if (response.ok) return setSent({ state: 'sent' })
      const answer = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
      setSent({ state: 'failed', message: answer?.errors?.[0]?.message ?? 'Something went wrong. Please try again.' })
    } catch {
      setSent({ state: 'failed', message: 'We could not send that. Please check your connection and try again.' })
    }
  }

  if (sent.state === 'sent') {
    return (
      <section className="feedback" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">Thank you</h2>
        <p role="status" data-testid="feedback-thanks">
          Your feedback goes to the clinical team who review this page.
        </p>
      </section>
    )
  }
  return (
    <section className="feedback" aria-labelledby="feedback-heading" data-testid="feedback">
      <h2 id="feedback-heading">Was this page helpful?</h2>
      <form method="post" action="/api/feedback/send" onSubmit={send}>
        <input type="hidden" name="article" value={slug} />
        <fieldset className="helpful">
          <legend>Was this page helpful?</legend>
          <label>
            <input type="radio" name="helpful" value="yes" required onChange={() => setHelpful('yes')} /> Yes
          </label>
          <label>
            <input type="radio" name="helpful" value="no" onChange={() => setHelpful('no')} /> No
          </label>
        </fieldset>
        {helpful !== 'yes' && (
          <p>
            <label htmlFor="feedback-problem">What was the problem? (optional)</label>
            <select id="feedback-problem" name="problem" defaultValue="">
              <option value="">Choose one</option>
              {FEEDBACK_PROBLEMS.map((problem) => (
                <option key={problem} value={problem}>
                  {FEEDBACK_PROBLEM_LABEL[problem]}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <label htmlFor="feedback-comment">{helpful === 'yes' ? 'Anything to add? (optional)' : 'What was missing or wrong?'}</label>
          <textarea id="feedback-comment" name="comment" rows={4} maxLength={MAX_FEEDBACK_LENGTH} />
          <span className="hint">
            Please do not include personal or medical details. We cannot reply to questions about your own health.
          </span>
        </p>
        <p>
          <label htmlFor="feedback-email">E-mail address (optional, only if you want us to contact you about this)</label>
          <input id="feedback-email" name="email" type="email" autoComplete="email" maxLength={254} />
        </p>
        <p>
          <label>
            <input type="checkbox" name="contactConsent" value="yes" /> You may contact me about this feedback. We use the address for
            nothing else.
          </label>
        </p>
        <div hidden>
          <label htmlFor="feedback-website">Website</label>
          <input id="feedback-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" disabled={sent.state === 'sending'}>
          Send feedback
        </button>
        {sent.state === 'failed' && (
          <p role="alert" className="error">
            {sent.message}
          </p>
        )}
      </form>
    </section>
  )
}
