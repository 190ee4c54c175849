import Link from 'next/link'
import { formatDate } from '@/components/format'
import { publishedTopics, recentlyReviewed } from '@/site/published-content'

// Rendered per request from the cached lists (no database at build time).
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const [recent, topics] = await Promise.all([recentlyReviewed(), publishedTopics()])
  return (
    <>
      <h1>Health advice you can trust</h1>
      <p className="lead">Every article here was checked, word for word, by a medical reviewer.</p>
      {recent.length === 0 && <p>No reviewed articles yet.</p>}
      {recent.length > 0 && (
        <section aria-labelledby="recent">
          <h2 id="recent">Recently reviewed</h2>
          <ul className="article-list">
            {recent.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>
                <p className="meta">Reviewed {formatDate(article.review!.lastReviewedAt!)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {topics.length > 0 && (
        <section aria-labelledby="topics">
          <h2 id="topics">Browse by topic</h2>
          <ul className="topic-list">
            {topics.map((topic) => (
              <li key={topic.slug}>
                <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>{' '}
                <span className="meta">
                  ({topic.count} article{topic.count === 1 ? '' : 's'})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
