// The live row's search text is the one computed when the approval published it.
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { searchTextOf } from '../../src/lib/search-text'
import { relationIds } from '../../src/workflow/hash'

async function publishedIn(req: PayloadRequest, collection: 'tips' | 'warnings', value: unknown) {
  const ids = relationIds(value)
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
    draft: false,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

export const computeSearchText: CollectionBeforeChangeHook = async ({ data, req }) => {
  const [warnings, tips] = [await publishedIn(req, 'warnings', data.warnings), await publishedIn(req, 'tips', data.tips)]
  return { ...data, searchText: searchTextOf(data, warnings, tips) }
}
