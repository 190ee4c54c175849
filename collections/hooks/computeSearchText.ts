// The live row's search text is the one computed when the approval published it, and
// recomputed when a tip or warning it shows changes (src/review/shared-content.ts).
import type { CollectionBeforeChangeHook } from 'payload'
import { articleSearchText } from '../../src/review/article-search-text'

export const computeSearchText: CollectionBeforeChangeHook = async ({ data, req }) => ({
  ...data,
  searchText: await articleSearchText(req, data),
})
