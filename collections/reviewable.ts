// What articles, tips and warnings share: drafts with a full, never-pruned
// version history, and the same access rules.
import type { CollectionConfig } from 'payload'
import { contentAuthors, adminOnly, publishedOrStaff, staffOnly } from '../src/access/rules'

export const reviewableVersions: CollectionConfig['versions'] = {
  // Sign-off history is evidence: never prune it.
  maxPerDoc: 0,
  drafts: { autosave: false },
}

export const reviewableAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staffOnly,
  create: contentAuthors,
  update: contentAuthors,
  delete: adminOnly,
}
