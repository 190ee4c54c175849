// What articles, tips and warnings share: drafts with a full, never-pruned
// version history, and the same access rules.
import type { CollectionConfig } from 'payload'
import { contentAuthors, adminOnly, publishedOrStaff, staffOnly } from '../src/access/rules'

export const reviewableVersions: CollectionConfig['versions'] = {
  // Sign-off history is evidence: never prune it.
  maxPerDoc: 0,
  // Drafts are validated too: what goes to a reviewer is always complete and well-formed.
  drafts: { autosave: false, validate: true },
}

export const reviewableAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staffOnly,
  create: contentAuthors,
  update: contentAuthors,
  delete: adminOnly,
}
