import { RichText } from '@payloadcms/richtext-lexical/react'
import type { PublishedArticle } from '@/lib/published-content'
import { WarningList } from './WarningList'
import { TipList } from './TipList'
import { formatDate } from './format'

export function ArticleView({ article }: { article: PublishedArticle }) {
  return (
    <article className="article">
      <header>
        <p className="topic">{article.topic}</p>
        <h1>{article.title}</h1>
        <p className="summary">{article.summary}</p>
        {article.releaseDate && <p className="meta">First published {formatDate(article.releaseDate)}</p>}
      </header>
      <WarningList warnings={article.warnings} />
      <TipList tips={article.tips} />
      <section className="body" aria-label="Article">
        <RichText data={article.body} disableContainer />
      </section>
      {article.references && article.references.length > 0 && (
        <section aria-labelledby="references">
          <h2 id="references">References</h2>
          <ol className="references">
            {article.references.map((ref) => (
              <li key={ref.id ?? ref.title}>
                {ref.url ? <a href={ref.url}>{ref.title}</a> : ref.title}
                {ref.publisher && `, ${ref.publisher}`}
                {ref.year && ` (${ref.year})`}
              </li>
            ))}
          </ol>
        </section>
      )}
      <aside className="disclaimer" aria-label="Disclaimer">
        <p>{article.disclaimer}</p>
      </aside>
    </article>
  )
}
