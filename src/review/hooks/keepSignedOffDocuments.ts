import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * Deleting a document erases its versions, which the sign-off trail points at:
 * anything that was ever reviewed stays (retire it instead).
 */
export const keepSignedOffDocuments: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'reviews',
    where: { and: [{ documentCollection: { equals: collection.slug } }, { documentId: { equals: String(id) } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new APIError('This document has review records and cannot be deleted: retire it instead.', 409, undefined, true)
  }
}
