// The release workflow's REST API, under /api/releases (creating one is Payload's own POST):
//   GET    /:id                                  the release, each member's state, ready or not
//   POST   /:id/members { collection, id }       add a document
//   DELETE /:id/members/:memberCollection/:documentId  remove one (not `:collection`: Payload
//                                                      sets that to `releases` on its endpoints)
//   POST   /:id/submit | /:id/schedule { at } | /:id/go-live | /:id/cancel { comment? }
import type { Endpoint, PayloadRequest } from 'payload'
import { REVIEWABLE_COLLECTIONS, type ReviewableCollection } from '../../workflow'
import { canonicalId } from '../../lib/document-id'
import { answering, refuseWithoutUser, requireStaff } from '../../http/answering'
import { ApiError } from '../../http/errors'
import { requireJson } from '../../http/request-body'
import { readCancellation, readGoLiveSchedule, readReleaseMember } from './inputs'
import { addMember, cancelRelease, goLiveNow, releaseView, removeMember, scheduleRelease, submitRelease } from '../releases/releases'

function releaseIdOf(req: PayloadRequest): string {
  const id = canonicalId(req.routeParams?.id)
  if (id === null) throw new ApiError(404, `There is no release with id ${String(req.routeParams?.id ?? '')}.`)
  return id
}

const step = (path: string, run: (req: PayloadRequest, releaseId: string) => Promise<unknown>): Endpoint => ({
  path: `/:id/${path}`,
  method: 'post',
  handler: answering(async (req) => {
    if (!req.user) await refuseWithoutUser(req, 'Log in to work on releases.')
    await requireStaff(req)
    requireJson(req)
    return Response.json(await run(req, releaseIdOf(req)))
  }),
})

export function releaseEndpoints(): Endpoint[] {
  return [
    {
      path: '/:id',
      method: 'get',
      handler: answering(async (req) => {
        await requireStaff(req)
        const id = releaseIdOf(req)
        const view = await releaseView(req, id)
        const release = await req.payload.findByID({ collection: 'releases', id, depth: 0, overrideAccess: true, req })
        return Response.json({ ...release, ...view })
      }),
    },
    step('members', async (req, id) => addMember(req, id, await readReleaseMember(req))),
    {
      path: '/:id/members/:memberCollection/:documentId',
      method: 'delete',
      handler: answering(async (req) => {
        if (!req.user) await refuseWithoutUser(req, 'Log in to work on releases.')
        await requireStaff(req)
        const collection = String(req.routeParams?.memberCollection ?? '')
        const documentId = canonicalId(req.routeParams?.documentId)
        if (!(REVIEWABLE_COLLECTIONS as readonly string[]).includes(collection) || documentId === null) {
          throw new ApiError(404, 'That document is not in this release.')
        }
        return Response.json(await removeMember(req, releaseIdOf(req), { collection: collection as ReviewableCollection, id: documentId }))
      }),
    },
    step('submit', submitRelease),
    step('schedule', async (req, id) => scheduleRelease(req, id, await readGoLiveSchedule(req, 'unschedules'))),
    step('go-live', goLiveNow),
    step('cancel', async (req, id) => cancelRelease(req, id, await readCancellation(req))),
  ]
}
