import { RichText } from '@payloadcms/richtext-lexical/react'
import type { PublishedArticle } from '@/site/published-content'
import { formatDate } from './format'
import { TipList } from './TipList'
import { TrustBlock } from './TrustBlock'
import { ChangeLog, CorrectionNotice } from './ChangeLog'
import { WarningList } from './WarningList'
import { Citations } from './Citations'
import { FeedbackForm } from './FeedbackForm'

/** `feedback`: readers of a live page may say whether it helped (not in a staff preview). */
export function ArticleView({ article, feedback = false }: { article: PublishedArticle; feedback?: boolean }) {
  const pressing = article.warnings.filter((w) => w.severity !== 'caution')
  const cautions = article.warnings.filter((w) => w.severity === 'caution')
  return (
    <article className="article">
      <header>
        <p className="topic">{article.topic}</p>
        <h1>{article.title}</h1>
        <p className="summary">{article.summary}</p>
        {article.releaseDate && <p className="meta">First published {formatDate(article.releaseDate)}</p>}
        <TrustBlock signOff={article.signOff} />
        <CorrectionNotice changes={article.changes} now={new Date()} />
      </header>
      <WarningList warnings={pressing} heading="When to get help" id="get-help" />
      <TipList tips={article.tips} />
      <WarningList warnings={cautions} heading="Things to avoid" id="avoid" />
      <section className="body" aria-label="Full article">
        <RichText data={article.body} disableContainer />
      </section>
      <Citations citations={article.references} />
      <ChangeLog changes={article.changes} />
      <aside className="disclaimer" aria-label="Disclaimer">
        <p>{article.disclaimer}</p>
      </aside>
      {feedback && <FeedbackForm slug={article.slug} />}
    </article>
  )
}
