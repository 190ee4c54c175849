import type { Metadata } from 'next'
import Link from 'next/link'
import { isSlug } from '@/lib/slugify'
import { FEEDBACK_FORM_PROBLEMS, type FeedbackFormProblem } from '@/workflow/feedback'

type Props = { searchParams: Promise<{ article?: string; problem?: string }> }

export const metadata: Metadata = { title: 'Feedback', robots: { index: false } }

/** Where the feedback form lands without JavaScript. What it says is the site's own words, chosen by a code. */
export default async function FeedbackSent({ searchParams }: Props) {
  const { article, problem } = await searchParams
  const back = typeof article === 'string' && isSlug(article) ? `/articles/${article}` : '/'
  const message = problem ? (FEEDBACK_FORM_PROBLEMS[problem as FeedbackFormProblem] ?? FEEDBACK_FORM_PROBLEMS.error) : null
  return (
    <>
      <h1>{message ? 'Your feedback was not sent' : 'Thank you for your feedback'}</h1>
      <p role={message ? 'alert' : 'status'}>{message ?? 'It goes to the clinical team who review this page.'}</p>
      <p>
        <Link href={back}>{message ? 'Go back and try again' : 'Back to the page'}</Link>
      </p>
    </>
  )
}
