// List-view column: the review state as a badge, when it was last reviewed and when
// the next review is due.
import type { DefaultServerCellComponentProps } from 'payload'
import { StateBadge } from './StateBadge'
import './admin.scss'

const day = (iso?: string | null) => (iso ? iso.slice(0, 10) : '—')

export async function ReviewStatusCell({ payload, rowData, collectionConfig }: DefaultServerCellComponentProps) {
  // Rendered outside a collection list (e.g. a relationship drawer) there is nothing to show.
  const collection = collectionConfig?.slug as 'articles' | 'tips' | 'warnings' | undefined
  if (!collection || rowData?.id == null) return null
  const id = String(rowData.id)
  const [{ docs }, live] = await Promise.all([
    payload.find({ collection: 'workflow', where: { key: { equals: `${collection}:${id}` } }, limit: 1, depth: 0, overrideAccess: true }),
    payload.findByID({ collection, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, select: { review: true } }),
  ])
  const state = docs[0]?.state ?? 'draft'
  const review = (live as { review?: { lastReviewedAt?: string | null; nextReviewDue?: string | null } } | null)?.review
  return (
    <span className="review-status-cell">
      <StateBadge state={state} /> {docs[0]?.needsReReview ? '· needs re-review ' : ''}
      <small>
        reviewed {day(review?.lastReviewedAt)} · due {day(review?.nextReviewDue)}
      </small>
    </span>
  )
}
