// Marks a request's writes as the review's own (an approval publishing, a retirement
// unpublishing, a go-live). The mark is a private symbol value: nothing arriving over HTTP can
// carry it, so no request can pass itself off as a review decision.
import type { PayloadRequest } from 'payload'

const REVIEW_WRITE = Symbol('vetted.review-write')
const KEY = 'vettedReviewWrite'

export async function asReviewWrite<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const previous = req.context[KEY]
  req.context[KEY] = REVIEW_WRITE
  try {
    return await work()
  } finally {
    req.context[KEY] = previous
  }
}

export const isReviewWrite = (req: PayloadRequest): boolean => req.context?.[KEY] === REVIEW_WRITE
