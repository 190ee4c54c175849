import { NotFound, type CollectionBeforeOperationHook } from 'payload'

/** Ids are integers here: anything else is a 404, not a database error (500). */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !/^\d{1,15}$/.test(String(id))) throw new NotFound(req.t)
  return args
}
