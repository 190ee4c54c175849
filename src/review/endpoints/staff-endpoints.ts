// Staff-wide review endpoints: GET /api/review-queue, /api/my-work and /api/reviewers.
import type { Endpoint } from 'payload'
import { answering, requireStaff } from '../../http/answering'
import { myWork } from '../views/my-work'
import { reviewQueue } from '../views/queue'

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
