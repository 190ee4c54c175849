import type { MetadataRoute } from 'next'
import { listPublishedArticles } from '@/lib/published-content'
import { absoluteUrl } from '@/lib/site-url'

export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const articles = await listPublishedArticles()
  return [
    { url: absoluteUrl('/'), changeFrequency: 'daily' },
    ...articles.map((article) => ({
      url: absoluteUrl(`/articles/${article.slug}`),
      lastModified: article.review?.lastReviewedAt ?? article.updatedAt,
    })),
  ]
}
