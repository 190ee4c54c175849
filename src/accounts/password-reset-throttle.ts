// Payload sends at most one reset mail per account per interval, but nothing limited one
// client asking for resets of every staff address, one mail each. Requests are also counted
// per source address, before the account is looked up, so the answer past the limit is the
// same whether or not the account exists. Admins sending people reset links are not counted.
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { countFromAddress } from '../http/address-throttle'
import { hasRole } from '../access/roles'

export const RESETS_PER_WINDOW = 5
export const RESET_WINDOW_SECONDS = 15 * 60

export const throttlePasswordResets: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || hasRole(req.user, 'admin')) return args
  const wait = await countFromAddress(req, { kind: 'password-reset', perWindow: RESETS_PER_WINDOW, windowSeconds: RESET_WINDOW_SECONDS })
  if (wait !== null) {
    const until = new Date(Date.now() + wait * 1000).toISOString().slice(11, 16)
    throw new APIError(`Too many password reset requests from your address: try again after ${until} UTC.`, 429, undefined, true)
  }
  return args
}
