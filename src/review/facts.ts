// The facts the workflow rules need about one document, read in one place for the
// service (under the row lock) and the review panel's status.
import type { PayloadRequest } from 'payload'
import type { ReviewableCollection, State } from '../workflow'
import { WorkflowError } from './errors'
import { authorsSince, findMainRow, findWorkflow, lastApproval, latestVersion } from './repository'

export type Target = { collection: ReviewableCollection; id: string }
export type Facts = Awaited<ReturnType<typeof readFacts>>

export const notFound = ({ collection, id }: Target) =>
  new WorkflowError(404, `There is no ${collection.slice(0, -1)} with id ${id}.`)

export async function readFacts(req: PayloadRequest, target: Target) {
  const { collection, id } = target
  const doc = await findMainRow(req, collection, id)
  if (!doc) throw notFound(target)
  const workflow = await findWorkflow(req, collection, id)
  const latest = await latestVersion(req, collection, id)
  const approval = await lastApproval(req, collection, id)
  // Since the sign-off of the live version (a held one went live later: its authors since then count).
  const authors = await authorsSince(req, collection, id, approval?.signedOffAt ?? approval?.decidedAt ?? null)
  const isLive = doc._status === 'published'
  const state: State = (workflow?.state as State | undefined) ?? (isLive ? 'published' : 'draft')
  return { doc, workflow, latest, approval, authors, isLive, state }
}
