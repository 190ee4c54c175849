import Link from 'next/link'
import { formatDate } from '@/components/format'
import { type ArticleSummary, listPublishedArticles } from '@/lib/published-content'

// Rendered per request from the cached article list (no database at build time).
export const dynamic = 'force-dynamic'

function byTopic(articles: ArticleSummary[]): [string, ArticleSummary[]][] {
  const topics = new Map<string, ArticleSummary[]>()
  for (const article of articles) topics.set(article.topic, [...(topics.get(article.topic) ?? []), article])
  return [...topics.entries()].sort(([a], [b]) => a.localeCompare(b))
}

export default async function HomePage() {
  const articles = await listPublishedArticles()
  const recent = [...articles]
    .filter((a) => a.review?.lastReviewedAt)
    .sort((a, b) => String(b.review!.lastReviewedAt).localeCompare(String(a.review!.lastReviewedAt)))
    .slice(0, 5)
  return (
    <>
      <h1>Health advice you can trust</h1>
      <p className="lead">Every article here was checked, word for word, by a medical reviewer.</p>
      {articles.length === 0 && <p>No reviewed articles yet.</p>}
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
      {byTopic(articles).map(([topic, list]) => (
        <section key={topic} aria-labelledby={`topic-${topic}`}>
          <h2 id={`topic-${topic}`}>{topic}</h2>
          <ul className="article-list">
            {list.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>
                <p>{article.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
