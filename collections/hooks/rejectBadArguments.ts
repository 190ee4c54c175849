import { APIError, NotFound, type CollectionBeforeOperationHook } from 'payload'
import { canonicalId } from '../../src/lib/document-id'
import { findQueryKey } from './query-keys'

/** Geometry operators: no collection here has a point field, and Payload crashes on them elsewhere. */
const UNSUPPORTED_OPERATORS = new Set(['near', 'within', 'intersects'])

/**
 * Arguments that would otherwise reach the database or Payload's internals and fail
 * there with a 500, or be read under another spelling: ids that are not canonical integers
 * ("021", " 21", "+21", too large: 404), data that is not an object and
 * unsupported query operators (400).
 */
export const rejectBadArguments: CollectionBeforeOperationHook = ({ args, req }) => {
  const { id, data, where } = args as { id?: unknown; data?: unknown; where?: unknown }
  if (id !== undefined && id !== null && canonicalId(id) === null) throw new NotFound(req.t)
  // Payload turns the address's "021" into 21 before hooks see `id`: check what was asked for.
  const asked = req.routeParams?.id
  if (asked !== undefined && canonicalId(asked) === null) throw new NotFound(req.t)
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    throw new APIError('The request body must be a JSON object of fields.', 400, undefined, true)
  }
  const operator = findQueryKey(where, (key) => UNSUPPORTED_OPERATORS.has(key))
  if (operator) throw new APIError(`The "${operator}" operator is not supported here.`, 400, undefined, true)
  return args
}
