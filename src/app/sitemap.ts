import type { MetadataRoute } from 'next'
import { publishedTopics, sitemapEntries } from '@/site/published-content'
import { absoluteUrl } from '@/site/site-url'

export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, topics] = await Promise.all([sitemapEntries(), publishedTopics()])
  const entries: MetadataRoute.Sitemap = [
    { url: absoluteUrl('/'), changeFrequency: 'daily' },
    ...topics.map((topic) => ({ url: absoluteUrl(`/topics/${topic.slug}`), changeFrequency: 'daily' as const })),
    ...articles.map((article) => ({ url: absoluteUrl(`/articles/${article.slug}`), lastModified: article.lastModified })),
  ]
  // The protocol's limit for one file; beyond it a sitemap index is needed.
  return entries.slice(0, 50_000)
}
