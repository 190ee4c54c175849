import type { Metadata } from 'next'
import Link from 'next/link'
import { recentUpdates } from '@/site/published-content'
import { CHANGE_KIND_LABEL } from '@/workflow/change-log'
import { formatDate } from '@/components/format'

// Rendered per request from the cached list (expired by every approval), as the home page is.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Recent updates',
  description: 'What changed on Vetted: new advice, reviews, updates and corrections, newest first.',
  alternates: { types: { 'application/atom+xml': '/updates.xml' } },
}

export default async function UpdatesPage() {
  const updates = await recentUpdates()
  return (
    <>
      <h1>Recent updates</h1>
      <p>
        Every change readers see was approved by a medical reviewer. Follow them in a feed reader: <a href="/updates.xml">Atom feed</a>.
      </p>
      {updates.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <ol className="change-log" data-testid="updates">
          {updates.map((update) => (
            <li key={update.id}>
              <time dateTime={update.at}>{formatDate(update.at)}</time>: <Link href={`/articles/${update.slug}`}>{update.title}</Link> (
              {CHANGE_KIND_LABEL[update.kind]}){update.note && <>. {update.note}</>}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
