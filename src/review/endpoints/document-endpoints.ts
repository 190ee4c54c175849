// The review workflow of one document, under /api/<collection>/:id/...:
//   POST submit | approve | request-changes | retire   the review actions (body: inputs.ts)
//   POST discard-draft | assign | schedule-retirement | schedule-go-live
//   GET  workflow | checks                             what the review panel shows
// Thin: read the request, call the action or view, answer.
import type { Endpoint, PayloadRequest } from 'payload'
import { type Action, ACTION_PATH, type ReviewableCollection } from '../../workflow'
import { answering, refuseWithoutUser, requireStaff } from '../../http/answering'
import { requireJson } from '../../http/request-body'
import { canonicalId } from '../../lib/document-id'
import { assignReviewers } from '../actions/assign-reviewers'
import { discardDraft } from '../actions/discard-draft'
import { performAction } from '../actions/perform-action'
import { scheduleRetirement } from '../actions/schedule-retirement'
import { notFound, type Target } from '../data/facts'
import { scheduleDocumentGoLive } from '../releases/scheduled-go-live'
import { reviewChecks } from '../views/review-checks'
import { workflowStatus } from '../views/status'
import { readActionInput, readAssignees, readGoLiveSchedule, readRetirementSchedule } from './inputs'

/** The document a request names, by its canonical id: "021", " 21" or "+21" are not documents. */
function targetOf(req: PayloadRequest, collection: ReviewableCollection): Target {
  const raw = String(req.routeParams?.id ?? '')
  const id = canonicalId(raw)
  if (id === null) throw notFound({ collection, id: raw })
  return { collection, id }
}

export function documentEndpoints(collection: ReviewableCollection): Endpoint[] {
  /** A staff-only view of the document. */
  const view = (path: string, read: (req: PayloadRequest, collection: ReviewableCollection, id: string) => Promise<unknown>): Endpoint => ({
    path: `/:id/${path}`,
    method: 'get',
    handler: answering(async (req) => {
      await requireStaff(req)
      return Response.json(await read(req, collection, targetOf(req, collection).id))
    }),
  })
  /** A change to the document's review, by someone logged in (the action decides who may). */
  const step = (path: string, loggedOut: string, run: (req: PayloadRequest, target: Target) => Promise<unknown>): Endpoint => ({
    path: `/:id/${path}`,
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, loggedOut)
      requireJson(req)
      return Response.json(await run(req, targetOf(req, collection)))
    }),
  })
  const actions = (Object.keys(ACTION_PATH) as Action[]).map((action) =>
    step(ACTION_PATH[action], 'Log in to take review actions.', async (req, target) =>
      performAction(req, target, action, await readActionInput(req)),
    ),
  )
  return [
    view('workflow', workflowStatus),
    view('checks', reviewChecks),
    step('discard-draft', 'Log in to discard a draft.', discardDraft),
    step('assign', 'Log in to assign reviewers.', async (req, target) => assignReviewers(req, target, await readAssignees(req))),
    step('schedule-retirement', 'Log in to schedule a retirement.', async (req, target) =>
      scheduleRetirement(req, target, await readRetirementSchedule(req)),
    ),
    step('schedule-go-live', 'Log in to schedule a go-live.', async (req, target) =>
      scheduleDocumentGoLive(req, target, await readGoLiveSchedule(req, 'cancels the go-live')),
    ),
    ...actions,
  ]
}
