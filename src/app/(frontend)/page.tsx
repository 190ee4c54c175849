import Link from 'next/link'
import { listPublishedArticles } from '@/lib/published-content'

// Rendered per request until the cached reader layer lands (see README, "Public site").
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const articles = await listPublishedArticles()
  return (
    <>
      <h1>Health advice you can trust</h1>
      {articles.length === 0 ? (
        <p>No reviewed articles yet.</p>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/articles/${article.slug}`}>{article.title}</Link>
              <p>{article.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
