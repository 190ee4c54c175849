// The workflow's REST API: POST /api/<collection>/:id/{submit,approve,request-changes,retire}.
// Thin: parse the request, call the service, shape the answer.
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { type Action, ACTION_PATH, type ReviewableCollection } from '../workflow'
import { rows, sql } from '../lib/sql'
import { DATABASE_UNAVAILABLE } from '../lib/database-errors'
import { errorResponse, WorkflowError } from './errors'
import { reviewChecks } from './review-checks'
import { readActionInput } from './request-body'
import { reviewQueue } from './queue'
import { myWork } from './my-work'
import { performAction } from './service'
import { discardDraft } from './discard-draft'
import { assignReviewers, readAssignees } from './assignment'
import { scheduleRetirement } from './scheduled-retirement'
import { scheduleDocumentGoLive } from './scheduled-go-live'
import { workflowStatus } from './status'
import { isStaff } from '../access/roles'
import { canonicalId } from '../lib/document-id'
import { notFound, type Target } from './facts'

/** Runs a handler, turning workflow refusals into Payload-shaped JSON errors. */
export const answering =
  (handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof WorkflowError) return errorResponse(error.status, error.message, error.headers)
      throw error
    }
  }

/**
 * No user: either nobody logged in, or the login could not be checked because the
 * database is down (Payload then treats the request as anonymous). Say which.
 */
export async function refuseWithoutUser(req: PayloadRequest, message: string): Promise<never> {
  const credentials = req.headers.get('authorization') || req.headers.get('cookie')?.includes('payload-token=')
  if (credentials) {
    try {
      await rows(req.payload, sql`select 1`)
    } catch {
      throw new WorkflowError(503, DATABASE_UNAVAILABLE)
    }
  }
  throw new WorkflowError(401, message)
}

export async function requireStaff(req: PayloadRequest) {
  if (!req.user) await refuseWithoutUser(req, 'Log in to see the review workflow.')
  if (!isStaff(req.user)) throw new WorkflowError(403, 'Only editors, reviewers and admins see the review workflow.')
}

/** GET /api/review-queue: staff only. */
export const reviewQueueEndpoint: Endpoint = {
  path: '/review-queue',
  method: 'get',
  handler: answering(async (req) => {
    await requireStaff(req)
    return Response.json(await reviewQueue(req))
  }),
}

/** GET /api/my-work: staff only; the person's own assignments, approvals still needed, documents and mail. */
export const myWorkEndpoint: Endpoint = {
  path: '/my-work',
  method: 'get',
  handler: answering(async (req) => {
    await requireStaff(req)
    return Response.json(await myWork(req))
  }),
}

/** GET /api/reviewers: staff only; who can be assigned (names and specialties, no emails). */
export const reviewersEndpoint: Endpoint = {
  path: '/reviewers',
  method: 'get',
  handler: answering(async (req) => {
    await requireStaff(req)
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { roles: { contains: 'reviewer' } },
      select: { displayName: true, credentials: true, specialties: true },
      sort: 'displayName',
      limit: 500,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return Response.json({
      reviewers: docs.map((person) => ({
        id: person.id,
        displayName: person.displayName,
        credentials: person.credentials ?? null,
        specialties: person.specialties ?? [],
      })),
    })
  }),
}

/** The document a request names, by its canonical id: "021", " 21" or "+21" are not documents. */
function targetOf(req: PayloadRequest, collection: ReviewableCollection): Target {
  const raw = String(req.routeParams?.id ?? '')
  const id = canonicalId(raw)
  if (id === null) throw notFound({ collection, id: raw })
  return { collection, id }
}

export function workflowEndpoints(collection: ReviewableCollection): Endpoint[] {
  /** A staff-only view of one document. */
  const staffView = (path: string, read: (req: PayloadRequest, collection: ReviewableCollection, id: string) => Promise<unknown>): Endpoint => ({
    path: `/:id/${path}`,
    method: 'get',
    handler: answering(async (req) => {
      await requireStaff(req)
      return Response.json(await read(req, collection, targetOf(req, collection).id))
    }),
  })
  const statusEndpoint = staffView('workflow', workflowStatus)
  const checksEndpoint = staffView('checks', reviewChecks)
  const discardEndpoint: Endpoint = {
    path: '/:id/discard-draft',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to discard a draft.')
      return Response.json(await discardDraft(req, targetOf(req, collection)))
    }),
  }
  const assignEndpoint: Endpoint = {
    path: '/:id/assign',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to assign reviewers.')
      const target = targetOf(req, collection)
      return Response.json(await assignReviewers(req, target, await readAssignees(req)))
    }),
  }
  const retirementEndpoint: Endpoint = {
    path: '/:id/schedule-retirement',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to schedule a retirement.')
      return Response.json(await scheduleRetirement(req, targetOf(req, collection)))
    }),
  }
  const goLiveEndpoint: Endpoint = {
    path: '/:id/schedule-go-live',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to schedule a go-live.')
      return Response.json(await scheduleDocumentGoLive(req, targetOf(req, collection)))
    }),
  }
  return [statusEndpoint, checksEndpoint, discardEndpoint, assignEndpoint, retirementEndpoint, goLiveEndpoint, ...(Object.keys(ACTION_PATH) as Action[]).map((action): Endpoint => ({
    path: `/:id/${ACTION_PATH[action]}`,
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to take review actions.')
      const target = targetOf(req, collection)
      const input = await readActionInput(req)
      const result = await performAction(req, target, action, input)
      return Response.json(result)
    }),
  }))]
}
