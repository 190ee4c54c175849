import type { Metadata } from 'next'
import Link from 'next/link'
import { isSlug } from '@/lib/slugify'

type Props = { searchParams: Promise<{ article?: string; problem?: string }> }

export const metadata: Metadata = { title: 'Feedback', robots: { index: false } }

/** Where the feedback form lands without JavaScript. The text shown is the server's own message, as text. */
export default async function FeedbackSent({ searchParams }: Props) {
  const { article, problem } = await searchParams
  const back = typeof article === 'string' && isSlug(article) ? `/articles/${article}` : '/'
  return (
    <>
      <h1>{problem ? 'Your feedback was not sent' : 'Thank you for your feedback'}</h1>
      <p role={problem ? 'alert' : 'status'}>{problem ? String(problem).slice(0, 300) : 'It goes to the clinical team who review this page.'}</p>
      <p>
        <Link href={back}>{problem ? 'Go back and try again' : 'Back to the page'}</Link>
      </p>
    </>
  )
}
