// The live row's search text is the one computed when the approval published it, and
// recomputed when a tip or warning it shows changes (src/review/data/shared-content.ts).
import type { CollectionBeforeChangeHook } from 'payload'
import { articleSearchText } from '../data/article-search-text'

export const computeSearchText: CollectionBeforeChangeHook = async ({ data, req }) => ({
  ...data,
  searchText: await articleSearchText(req, data),
})
