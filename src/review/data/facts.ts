// The facts the workflow rules need about one document, read in one place for the
// service (under the row lock) and the review panel's status.
import type { PayloadRequest } from 'payload'
import { nounOf, type ReviewableCollection, type State } from '../../workflow'
import { ApiError } from '../../http/errors'
import { authorsSince, findMainRow, findReviewState, lastApproval, latestVersion } from './repository'

export type Target = { collection: ReviewableCollection; id: string }
export type Facts = Awaited<ReturnType<typeof readFacts>>

export const notFound = ({ collection, id }: Target) => new ApiError(404, `There is no ${nounOf(collection)} with id ${id}.`)

export async function readFacts(req: PayloadRequest, target: Target) {
  const { collection, id } = target
  const doc = await findMainRow(req, collection, id)
  if (!doc) throw notFound(target)
  const reviewState = await findReviewState(req, collection, id)
  const latest = await latestVersion(req, collection, id)
  const approval = await lastApproval(req, collection, id)
  // Since the sign-off of the live version (a held one went live later: its authors since then count).
  const authors = await authorsSince(req, collection, id, approval?.signedOffAt ?? approval?.decidedAt ?? null)
  const isLive = doc._status === 'published'
  const state: State = (reviewState?.state as State | undefined) ?? (isLive ? 'published' : 'draft')
  return { doc, reviewState, latest, approval, authors, isLive, state }
}
