// After a person saves reviewable content: record who saved the new version (the
// four-eyes rule needs it; Payload's versions do not keep it) and put the
// document back to draft, which withdraws any pending submission. A scheduled release
// that holds it will not be ready at its time: it is unscheduled now, and people told.
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { STATE_AFTER_EDIT, type ReviewableCollection } from '../../workflow'
import { authorsSince, findVersion, latestVersion, recordRevision as insertRevision, saveReviewState } from '../data/repository'
import { isReviewWrite } from '../data/review-writes'
import { DUPLICATED_FROM, RESTORED_FROM } from './noteContentOrigin'
import { unscheduleReleaseOf } from '../releases/release-changes'
import { sourceAuthorsOf } from '../data/citation-context'

/** Everyone who ever wrote in the document the content was restored or duplicated from. */
async function inheritedAuthors(req: PayloadRequest, collection: ReviewableCollection): Promise<string[]> {
  let source = req.context[DUPLICATED_FROM] as string | undefined
  const restored = req.context[RESTORED_FROM] as string | undefined
  if (restored) source = (await findVersion(req, collection, restored))?.parent
  return source ? authorsSince(req, collection, source, null) : []
}

export const recordRevision: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (isReviewWrite(req)) return doc
  const slug = collection.slug as ReviewableCollection
  const id = String(doc.id)
  const latest = await latestVersion(req, slug, id)
  if (latest) {
    const saver = typeof req.user?.id === 'number' ? req.user.id : null
    await insertRevision(req, slug, id, latest.id, saver)
    // Who wrote what this version took from elsewhere: a restored or duplicated document, or the
    // library sources whose details it copied (src/review/hooks/copyCitedSources.ts).
    const others = new Set([...(await inheritedAuthors(req, slug)).map(Number), ...sourceAuthorsOf(req)])
    others.delete(saver as number)
    for (const author of others) await insertRevision(req, slug, id, latest.id, author)
  }
  await saveReviewState(req, slug, id, {
    state: STATE_AFTER_EDIT,
    documentTitle: typeof doc.title === 'string' ? doc.title : null,
    submittedVersion: null,
    submittedBy: null,
    submittedAt: null,
  })
  await unscheduleReleaseOf(req, { collection: slug, id })
  return doc
}
