import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { isReviewableCollection, isShared, nounOf, type SharedCollection } from '../../workflow'
import { rowsInRequest, sql } from '../../db/sql'

const refuse = (message: string) => new APIError(message, 409, undefined, true)

/** Whether an article version that a reviewer decided on names this tip or warning. */
async function namedInReviewedArticle(req: Parameters<CollectionBeforeDeleteHook>[0]['req'], collection: SharedCollection, id: number) {
  const column = sql.identifier(`${collection}_id`)
  const rows = await rowsInRequest(
    req,
    sql`
    select 1 from _articles_v_rels r
    join reviews v on v.document_collection = 'articles' and v.version_id = r.parent_id::text
    where r.${column} = ${id} limit 1`,
  )
  return rows.length > 0
}

/**
 * Deleting a document erases its versions, which the sign-off trail points at:
 * anything that was ever reviewed stays (retire it instead), and so does a tip or warning
 * that a reviewed article version names (the database refuses it too).
 */
export const keepSignedOffDocuments: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'reviews',
    where: { and: [{ documentCollection: { equals: collection.slug } }, { documentId: { equals: String(id) } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) throw refuse('This document has review records and cannot be deleted: retire it instead.')
  const slug = collection.slug
  if (isReviewableCollection(slug) && isShared(slug) && (await namedInReviewedArticle(req, slug, Number(id)))) {
    throw refuse(`An article version a reviewer decided on shows this ${nounOf(slug)}, so it stays: remove it from the article instead.`)
  }
}
