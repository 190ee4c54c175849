import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleView } from '@/components/ArticleView'
import { findPublishedArticle, isLiveArticleSlug } from '@/site/published-content'
import { absoluteUrl } from '@/site/site-url'
import { isSlug } from '@/lib/slugify'
import { jsonForScript, medicalWebPage } from '@/site/structured-data'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from the cache until an approval or a
// retirement expires it (tag revalidation). The minute is a safety net, and what
// shared caches are told (s-maxage) so none holds a page for long. The page is the same
// for everyone: staff previews live at /preview/articles/[slug].
export const revalidate = 60
export const dynamicParams = true
export const generateStaticParams = async () => []

/**
 * Only live articles' addresses reach the database. Anything else is answered from the
 * cached list of live slugs, so a flood of made-up addresses costs no query and no data
 * cache entry; its "not found" page is not stored either (src/cache/page-cache-handler.mjs).
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
