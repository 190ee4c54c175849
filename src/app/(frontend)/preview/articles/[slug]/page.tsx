// The latest version of an article, approved or not, for logged-in staff: checked with
// the request's own login (payload.auth) every time, rendered per request, never cached.
import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { ArticleView } from '@/components/ArticleView'
import { PreviewBanner } from '@/components/PreviewBanner'
import { readArticlePreview } from '@/site/published-content'
import { isSlug } from '@/lib/slugify'
import { currentStaffUser } from '@/site/staff-session'

type Props = { params: Promise<{ slug: string }> }

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } }

export default async function ArticlePreviewPage({ params }: Props) {
  const { slug } = await params
  if (!isSlug(slug)) notFound()
  const user = await currentStaffUser()
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(`/preview/articles/${slug}`)}`)
  const article = await readArticlePreview(slug, user)
  if (!article) notFound()
  return (
    <>
      <PreviewBanner slug={slug} />
      <ArticleView article={article} />
    </>
  )
}
