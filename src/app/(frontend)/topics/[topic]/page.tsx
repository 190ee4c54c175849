import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatDate } from '@/components/format'
import { publishedTopicPage } from '@/site/published-content'
import { absoluteUrl } from '@/site/site-url'

type Props = { params: Promise<{ topic: string }>; searchParams: Promise<{ page?: string | string[] }> }

// Rendered per request from the cached topic lists, which approvals and retirements expire.
export const dynamic = 'force-dynamic'

const isTopicSlug = (slug: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 96

/** `?page=` as a whole number from 1; anything else is not a page. */
function pageNumber(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1
  const value = Array.isArray(raw) ? raw[0] : raw
  return value && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null
}

async function load({ params, searchParams }: Props) {
  const [{ topic }, { page: rawPage }] = await Promise.all([params, searchParams])
  const page = pageNumber(rawPage)
  if (!isTopicSlug(topic) || page === null) return null
  return publishedTopicPage(topic, page)
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const result = await load(props)
  if (!result) return { title: 'Page not found' }
  const { topic, page } = result
  return {
    title: page > 1 ? `${topic.name} (page ${page})` : topic.name,
    description: `${topic.count} medically reviewed article${topic.count === 1 ? '' : 's'} about ${topic.name}.`,
    alternates: { canonical: absoluteUrl(`/topics/${topic.slug}${page > 1 ? `?page=${page}` : ''}`) },
  }
}

export default async function TopicPage(props: Props) {
  const result = await load(props)
  if (!result) notFound()
  const { topic, articles, page, totalPages } = result
  const href = (n: number) => `/topics/${topic.slug}${n > 1 ? `?page=${n}` : ''}`
  return (
    <>
      <h1>{topic.name}</h1>
      <p className="lead">
        {topic.count} medically reviewed article{topic.count === 1 ? '' : 's'}
        {totalPages > 1 ? `, page ${page} of ${totalPages}` : ''}.
      </p>
      <ul className="article-list">
        {articles.map((article) => (
          <li key={article.id}>
            <Link href={`/articles/${article.slug}`}>{article.title}</Link>
            <p>{article.summary}</p>
            {article.review?.lastReviewedAt && <p className="meta">Reviewed {formatDate(article.review.lastReviewedAt)}</p>}
          </li>
        ))}
      </ul>
      {totalPages > 1 && (
        <nav aria-label="Pages" className="pagination">
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev">
              Previous page
            </Link>
          )}{' '}
          {page < totalPages && (
            <Link href={href(page + 1)} rel="next">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
