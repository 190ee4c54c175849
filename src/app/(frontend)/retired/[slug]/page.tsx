import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { payloadClient } from '@/site/payload'
import { isSlug } from '@/lib/slugify'
import { readTombstone } from '@/site/tombstones'
import { formatDate } from '@/components/format'

type Props = { params: Promise<{ slug: string }> }

// Reached through the proxy's rewrite of a retired article's address (status 410); read fresh,
// as retirements are rare and the page is small.
export const dynamic = 'force-dynamic'

const tombstoneOf = async (slug: string) => (isSlug(slug) ? readTombstone(await payloadClient(), slug) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tombstone = await tombstoneOf((await params).slug)
  return { title: tombstone ? `${tombstone.title} (retired)` : 'Page not found', robots: { index: false } }
}

export default async function RetiredArticle({ params }: Props) {
  const tombstone = await tombstoneOf((await params).slug)
  if (!tombstone) notFound()
  return (
    <article className="article tombstone" data-testid="tombstone">
      <h1>{tombstone.title}</h1>
      <p className="notice">
        We retired this page on <time dateTime={tombstone.retiredAt}>{formatDate(tombstone.retiredAt)}</time>. It is no longer medically
        reviewed, so we no longer show it.
      </p>
      {tombstone.reason && (
        <p>
          <strong>Why:</strong> {tombstone.reason}
        </p>
      )}
      {tombstone.replacement ? (
        <p>
          For current advice, read <Link href={`/articles/${tombstone.replacement.slug}`}>{tombstone.replacement.title}</Link>.
        </p>
      ) : (
        <p>
          <Link href="/">See all current articles</Link>.
        </p>
      )}
    </article>
  )
}
