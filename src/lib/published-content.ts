// The only way the public site reads content: published documents, with reader
// access (overrideAccess: false, no user), so a draft can never come back.
import 'server-only'
import type { Article, Tip, Warning } from '../../payload-types'
import { payloadClient } from './payload'
import { bySeverity } from './severity'

const asReader = { overrideAccess: false, draft: false } as const

export type ArticleSummary = Pick<Article, 'id' | 'title' | 'slug' | 'summary' | 'topic' | 'review' | 'updatedAt'>

export type PublishedArticle = Omit<Article, 'tips' | 'warnings'> & { tips: Tip[]; warnings: Warning[] }

export async function listPublishedArticles(): Promise<ArticleSummary[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...asReader,
    depth: 0,
    limit: 200,
    sort: 'title',
    select: { title: true, slug: true, summary: true, topic: true, review: true, updatedAt: true },
  })
  return docs as ArticleSummary[]
}

/** Related tips and warnings a reader may not see come back as bare ids: drop them. */
const populated = <T extends object>(items: (number | T)[] | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

export async function findPublishedArticle(slug: string): Promise<PublishedArticle | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...asReader,
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
  })
  const article = docs[0]
  if (!article) return null
  return {
    ...article,
    tips: populated(article.tips),
    warnings: populated(article.warnings).sort(bySeverity),
  }
}
