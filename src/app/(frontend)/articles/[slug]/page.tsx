import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { ArticleView } from '@/components/ArticleView'
import { PreviewBanner } from '@/components/PreviewBanner'
import { findPublishedArticle, readArticlePreview } from '@/lib/published-content'
import { absoluteUrl } from '@/lib/site-url'
import { currentStaffUser } from '@/lib/staff-session'
import { jsonForScript, medicalWebPage } from '@/lib/structured-data'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from the cache until an approval or a
// retirement expires it (tag revalidation). The minute is a safety net, and what
// shared caches are told (s-maxage) so none holds a page for long.
export const revalidate = 60
export const dynamicParams = true
export const generateStaticParams = async () => []

/** Only well-formed slugs reach the database; anything else is simply not found. */
const isSlug = (slug: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 96

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const article = isSlug(slug) ? await findPublishedArticle(slug) : null
  if (!article) return { title: 'Page not found' }
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: absoluteUrl(`/articles/${article.slug}`) },
  }
}

/** A staff preview, when draft mode is on AND the request is logged in as staff. */
async function previewFor(slug: string) {
  if (!(await draftMode()).isEnabled) return null
  const user = await currentStaffUser()
  return user ? readArticlePreview(slug, user) : null
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  if (!isSlug(slug)) notFound()
  const preview = await previewFor(slug)
  if (preview) {
    return (
      <>
        <PreviewBanner slug={slug} />
        <ArticleView article={preview} />
      </>
    )
  }
  const article = await findPublishedArticle(slug)
  if (!article) notFound()
  const url = absoluteUrl(`/articles/${article.slug}`)
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(medicalWebPage(article, url)) }} />
      <ArticleView article={article} />
    </>
  )
}
