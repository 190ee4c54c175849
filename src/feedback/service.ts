// Reader feedback: storing what a reader sent about a live article, and staff acting on it.
import type { PayloadRequest } from 'payload'
import {
  decideFeedback,
  type FeedbackInput,
  FEEDBACK_PER_WINDOW,
  FEEDBACK_STATUSES,
  FEEDBACK_WINDOW_SECONDS,
  type FeedbackStatus,
} from '../workflow/feedback'
import { REVIEWABLE } from '../workflow/reviewable'
import { isSlug } from '../lib/slugify'
import { canonicalId, relationId } from '../lib/document-id'
import { ApiError } from '../http/errors'
import { countFromAddress } from '../http/address-throttle'
import { hasRole } from '../access/roles'

export type FeedbackOutcome = { stored: true; id: number; slug: string } | { stored: false; slug: string | null; reason: string }

async function liveArticle(req: PayloadRequest, slug: unknown) {
  if (typeof slug !== 'string' || !isSlug(slug)) throw new ApiError(400, '"article" is the address name (slug) of the article.')
  const found = await req.payload.find({
    collection: 'articles',
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    select: { title: true, slug: true },
    pagination: false,
    overrideAccess: true,
    req,
  })
  const article = found.docs[0]
  if (!article) throw new ApiError(404, 'There is no live article at that address.')
  return article
}

/** Checks, throttles and stores one reader's feedback. Spam is answered like success and not stored. */
export async function receiveFeedback(req: PayloadRequest, body: Record<string, unknown>): Promise<FeedbackOutcome> {
  const wait = await countFromAddress(req, { kind: 'feedback', perWindow: FEEDBACK_PER_WINDOW, windowSeconds: FEEDBACK_WINDOW_SECONDS })
  if (wait !== null)
    throw new ApiError(429, `Thank you, we have your earlier feedback. Please try again in ${Math.ceil(wait / 60)} minutes.`, {
      'retry-after': String(wait),
    })
  const seconds = body.secondsOnForm == null || body.secondsOnForm === '' ? null : Number(body.secondsOnForm)
  const decision = decideFeedback(body, seconds != null && Number.isFinite(seconds) ? seconds : null)
  const slug = typeof body.article === 'string' ? body.article : null
  if (!decision.ok && decision.spam) return { stored: false, slug, reason: decision.reason }
  if (!decision.ok) throw new ApiError(decision.status, decision.message)
  const article = await liveArticle(req, body.article)
  const feedback: FeedbackInput = decision.feedback
  const doc = await req.payload.create({
    collection: 'feedback',
    data: { article: article.id, articleTitle: article.title, ...feedback, status: 'new', submittedAt: new Date().toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return { stored: true, id: doc.id as number, slug: article.slug as string }
}

/** A reviewer (or admin) closes an item: acted on (optionally naming the approval that answered it) or dismissed. */
export async function actOnFeedback(req: PayloadRequest, id: string, body: Record<string, unknown>) {
  if (!hasRole(req.user, 'reviewer', 'admin')) throw new ApiError(403, 'Only reviewers act on reader feedback.')
  const status = body.status as FeedbackStatus
  if (!FEEDBACK_STATUSES.includes(status) || status === 'new') throw new ApiError(400, '"status" is "acted_on" or "dismissed".')
  if (body.note != null && (typeof body.note !== 'string' || body.note.length > 1000))
    throw new ApiError(400, '"note" is text of up to 1000 characters.')
  const item = await req.payload.findByID({ collection: 'feedback', id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!item) throw new ApiError(404, `There is no feedback with id ${id}.`)
  let answeredBy: number | null = null
  if (body.answeredBy != null) {
    const reviewId = canonicalId(body.answeredBy)
    const review = reviewId
      ? await req.payload.findByID({ collection: 'reviews', id: reviewId, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
    if (
      !review ||
      !REVIEWABLE[review.documentCollection].hasPage ||
      String(review.documentId) !== relationId(item.article) ||
      !['approved', 'went_live'].includes(review.decision)
    ) {
      throw new ApiError(400, '"answeredBy" must be an approval of this article (its review record id).')
    }
    answeredBy = review.id
  }
  return req.payload.update({
    collection: 'feedback',
    id,
    data: {
      status,
      staffNote: (body.note as string | undefined)?.trim() || null,
      answeredBy,
      actedOnBy: req.user!.id,
      actedOnAt: new Date().toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
