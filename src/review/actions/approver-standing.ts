// Whether this person may approve at all, before anything about the version: an account someone
// else just set up or changed may not approve yet, nobody approves what an account they control
// wrote (src/workflow/account-hold.ts), and a reviewer with registrations on file needs a current one.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import { approvalHold, CONTROLLED_AUTHOR_MESSAGE, controlsAnAuthor, registrationRefusal } from '../../workflow'
import { controllingEventsBy, holdingEventsSince } from '../../accounts/audit'
import { ApiError } from '../../http/errors'
import { accountHoldHours } from '../../lib/server-env'
import type { Actor } from './types'

export async function refuseUnlessStanding(req: PayloadRequest, actor: Actor, authors: string[]): Promise<void> {
  if (controlsAnAuthor(String(actor.id), await controllingEventsBy(req, actor.id, authors))) {
    throw new ApiError(403, CONTROLLED_AUTHOR_MESSAGE)
  }
  const hours = accountHoldHours()
  if (hours > 0) {
    const now = new Date()
    const events = await holdingEventsSince(req, actor.id, new Date(now.getTime() - hours * 3_600_000))
    const hold = approvalHold(String(actor.id), events, now, hours)
    if (hold.held) throw new ApiError(403, hold.message)
  }
  const lapsed = registrationRefusal(actor.registrations ?? [], new Date())
  if (lapsed) throw new ApiError(403, lapsed)
}

/** The person with their registrations as stored (field access hides them from some readers of req.user). */
export async function actorOf(req: PayloadRequest, user: User): Promise<Actor> {
  const person = await req.payload.findByID({
    collection: 'users',
    id: user.id,
    depth: 0,
    overrideAccess: true,
    req,
    select: { registrations: true },
  })
  return { ...user, registrations: (person?.registrations ?? []).map(({ body, number, validUntil }) => ({ body, number, validUntil })) }
}
