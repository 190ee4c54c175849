// Tips and warnings are shown on many articles. Their approvals and an article's approval
// must not interleave: lock order is always shared content first, then articles.
//   - An article's approval locks the tips and warnings its submitted version shows (FOR
//     SHARE), so their live content cannot change while it is signed with their hashes.
//   - A tip's or warning's approval or retirement holds its own row (FOR UPDATE, taken by
//     every workflow action), then locks the live articles that show it to flag them for
//     re-review and rewrite their search text, in the same transaction.
import type { PayloadRequest } from 'payload'
import { nounOf, relationIds, REVIEWABLE, SHARED_COLLECTIONS, type SharedCollection } from '../../workflow'
import type { Target } from './facts'
import { refreshLiveSearchText } from './article-search-text'
import { lockDocumentRows } from '../../db/transactions'
import { ConcurrencyConflict } from '../../http/errors'
import { findMainRow, findVersion, findReviewState, publishedArticlesUsing, saveReviewState } from './repository'

export type LockedShared = Record<SharedCollection, Set<string>>

const sharedIdsOf = (content: Record<string, unknown>): LockedShared => ({
  tips: new Set(relationIds(content.tips)),
  warnings: new Set(relationIds(content.warnings)),
})

export const NOTHING_LOCKED: LockedShared = { tips: new Set(), warnings: new Set() }

/**
 * Before the approval of a document that shows shared content locks the document: lock what its
 * submitted version shows. Read without the document's lock, so the approval checks afterwards
 * that the version it publishes shows nothing else (`assertShownAreLocked`).
 */
export async function lockSharedContentOfSubmission(req: PayloadRequest, { collection, id }: Target): Promise<LockedShared> {
  if (REVIEWABLE[collection].shows.length === 0) return NOTHING_LOCKED
  const reviewState = await findReviewState(req, collection, id)
  const submitted = reviewState?.submittedVersion ? await findVersion(req, collection, reviewState.submittedVersion) : null
  const shown = submitted ? sharedIdsOf(submitted.content) : NOTHING_LOCKED
  for (const collection of SHARED_COLLECTIONS) await lockDocumentRows(req, collection, [...shown[collection]], 'share')
  return shown
}

export function assertShownAreLocked(content: Record<string, unknown>, locked: LockedShared): void {
  const shown = sharedIdsOf(content)
  for (const collection of SHARED_COLLECTIONS) {
    for (const id of shown[collection]) {
      if (!locked[collection].has(id)) {
        throw new ConcurrencyConflict('Someone changed this article at the same moment: reload and try again.')
      }
    }
  }
}

/**
 * A tip or warning's live content changed (approved anew, or retired): every live article
 * that shows it now shows other words. Flag each for re-review and rewrite its search text.
 * Returns the articles' slugs, whose pages changed.
 */
export async function sharedContentChanged(req: PayloadRequest, collection: SharedCollection, id: string, title: unknown, change: string) {
  const articles = await publishedArticlesUsing(req, collection, id)
  await lockDocumentRows(
    req,
    'articles',
    articles.map((article) => article.id),
    'update',
  )
  const reason = `Shared content changed: the ${nounOf(collection)} "${String(title)}" ${change}.`
  const slugs: string[] = []
  for (const { id: articleId } of articles) {
    const live = await findMainRow(req, 'articles', String(articleId))
    if (!live || live._status !== 'published') continue
    await saveReviewState(
      req,
      'articles',
      String(articleId),
      { needsReReview: true, reReviewReason: reason },
      { state: 'published', documentTitle: live.title ?? null },
    )
    await refreshLiveSearchText(req, live)
    if (typeof live.slug === 'string') slugs.push(live.slug)
  }
  return slugs
}
