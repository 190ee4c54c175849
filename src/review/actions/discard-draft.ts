// "Discard draft": go back to what readers see. The approved content is saved as a new
// draft by the person asking, with their own access: a draft save like any other (it never
// publishes, and it withdraws a pending submission). Payload's "Revert to published" would
// instead write the live row, which only an approval may do.
import type { PayloadRequest } from 'payload'
import { sameReviewableContent } from '../../workflow'
import { ApiError } from '../../http/errors'
import { notFound, type Target } from '../data/facts'
import { findMainRow, latestVersion } from '../data/repository'
import { contentOf } from '../data/sign-off-records'
import { keepingCitations } from '../data/citation-context'

export async function discardDraft(req: PayloadRequest, target: Target) {
  if (!req.user) throw new ApiError(401, 'Log in to discard a draft.')
  const live = await findMainRow(req, target.collection, target.id)
  if (!live) throw notFound(target)
  if (live._status !== 'published') {
    throw new ApiError(409, 'Nothing of this document is approved, so there is no approved version to go back to.')
  }
  const latest = await latestVersion(req, target.collection, target.id)
  if (latest && sameReviewableContent(target.collection, latest.content, live)) {
    return { discarded: false, versionId: latest.id }
  }
  await keepingCitations(req, () =>
    req.payload.update({
      collection: target.collection,
      id: target.id,
      data: contentOf(live) as never,
      draft: true,
      overrideAccess: false,
      user: req.user,
      depth: 0,
      req,
    }),
  )
  const saved = await latestVersion(req, target.collection, target.id)
  return { discarded: true, versionId: saved?.id ?? null }
}
