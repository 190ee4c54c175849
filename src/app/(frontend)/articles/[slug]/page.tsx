import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleView } from '@/components/ArticleView'
import { findPublishedArticle, isLiveArticleSlug } from '@/site/published-content'
import { absoluteUrl } from '@/site/site-url'
import { isSlug } from '@/lib/slugify'
import { jsonForScript, medicalWebPage } from '@/site/structured-data'

type Props = { params: Promise<{ slug: string }> }

// Rendered for each request from the cached data (src/site/published-content.ts), never kept
// as a page: Next.js answers concurrent requests for one page from one render, so a stored
// (ISR) page let a request that began after an approval get a render that began before it
// (docs/DESIGN.md, "Pages render per request"). The page is the same for everyone: staff
// previews live at /preview/articles/[slug].
export const dynamic = 'force-dynamic'

/**
 * Only live articles' addresses reach the database. Anything else is answered from the
 * cached list of live slugs, so a flood of made-up addresses costs no query and no data
 * cache entry.
 */
async function liveArticle(slug: string) {
  if (!isSlug(slug) || !(await isLiveArticleSlug(slug))) return null
  return findPublishedArticle(slug)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await liveArticle((await params).slug)
  if (!article) return { title: 'Page not found' }
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: absoluteUrl(`/articles/${article.slug}`) },
  }
}

export default async function ArticlePage({ params }: Props) {
  const article = await liveArticle((await params).slug)
  if (!article) notFound()
  const url = absoluteUrl(`/articles/${article.slug}`)
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(medicalWebPage(article, url)) }} />
      <ArticleView article={article} feedback />
    </>
  )
}
