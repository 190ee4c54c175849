// What readers' pages a change touched: the cache tags to expire and the public pages to fetch
// again through the proxy. One rule for a single approval or retirement and for a release.
import { CONTENT_TAGS } from '../../cache/content-tags'
import { type Action, REVIEWABLE } from '../../workflow'
import { topicSlug } from '../../workflow/topics'
import type { Facts, Target } from '../data/facts'
import type { ActionResult } from './types'

export type ReaderImpact = { expire: string[]; pages: string[] }

const strings = (values: unknown[]) => [...new Set(values.filter((value): value is string => typeof value === 'string'))]

/**
 * `shared`: a tip or warning changed, which any page may show (every content tag expires);
 * else only the article list and these articles. `slugs` and `topics` as stored, before and after.
 */
export function readerImpact({ shared, slugs, topics }: { shared: boolean; slugs: unknown[]; topics: unknown[] }): ReaderImpact {
  const articles = strings(slugs)
  return {
    expire: shared ? [CONTENT_TAGS.all] : [CONTENT_TAGS.articleList, ...articles.map(CONTENT_TAGS.article)],
    pages: [
      ...articles.map((slug) => `/articles/${slug}`),
      '/',
      '/sitemap.xml',
      ...strings(topics).map((topic) => `/topics/${topicSlug(topic)}`),
    ],
  }
}

/** The pages an action changed: only an approval that made a version live, or a retirement. */
export function readerImpactOf(target: Target, action: Action, facts: Facts, result: ActionResult): ReaderImpact {
  const changedWhatReadersSee = action === 'retire' || (action === 'approve' && result.state === 'published')
  if (!changedWhatReadersSee) return { expire: [], pages: [] }
  if (REVIEWABLE[target.collection].shared) return readerImpact({ shared: true, slugs: result.changedArticleSlugs ?? [], topics: [] })
  return readerImpact({ shared: false, slugs: [facts.doc.slug, result.slug], topics: [facts.doc.topic, result.topic] })
}
