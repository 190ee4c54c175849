// What readers can search an article by: its own words and those of the approved
// tips and warnings it shows. Computed on every save; the live row's copy is the
// one computed when the approval published it.
import type { CollectionBeforeChangeHook } from 'payload'
import { lexicalText } from '../../src/lib/lexical-text'
import { relationIds } from '../../src/workflow/hash'

export const computeSearchText: CollectionBeforeChangeHook = async ({ data, req }) => {
  const parts: unknown[] = [data.title, data.summary, lexicalText(data.body)]
  for (const collection of ['warnings', 'tips'] as const) {
    const ids = relationIds(data[collection])
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
      draft: false,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) {
      parts.push(doc.title, 'body' in doc ? doc.body : `${doc.symptoms} ${doc.action}`)
    }
  }
  return { ...data, searchText: parts.filter((part) => typeof part === 'string' && part).join('\n') }
}
