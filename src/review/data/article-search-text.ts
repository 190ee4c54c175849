// An article's stored search text: its own words and those of the approved tips and
// warnings it shows. Computed on every save (for the version) and recomputed for the live
// row whenever what it shows changes: a tip or warning approved anew or retired.
import type { PayloadRequest } from 'payload'
import { searchTextOf } from '../../workflow/search-text'
import { relationIds } from '../../workflow'
import { rowsInRequest, sql } from '../../db/sql'
import type { ContentDoc } from './repository'

/** The published tips or warnings among these ids (retired and never-approved ones are not shown). */
export async function publishedIn(req: PayloadRequest, collection: 'tips' | 'warnings', value: unknown) {
  const ids = relationIds(value)
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
    draft: false,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

export async function articleSearchText(req: PayloadRequest, article: Record<string, unknown>): Promise<string> {
  const warnings = await publishedIn(req, 'warnings', article.warnings)
  const tips = await publishedIn(req, 'tips', article.tips)
  return searchTextOf(article, warnings, tips)
}

/** Rewrites the live row's search text in the request's transaction. Versions keep theirs. */
export async function refreshLiveSearchText(req: PayloadRequest, article: ContentDoc): Promise<void> {
  const text = await articleSearchText(req, article)
  await rowsInRequest(req, sql`update articles set search_text = ${text} where id = ${article.id} and _status = 'published'`)
}
