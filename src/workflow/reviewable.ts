// What is reviewed, and what differs between the kinds of reviewable content: one descriptor
// per collection, read wherever articles, tips and warnings are not handled alike (in place of
// `collection === 'articles'` tests scattered through the code). Pure data, no Payload.

export const REVIEWABLE_COLLECTIONS = ['articles', 'tips', 'warnings'] as const
export type ReviewableCollection = (typeof REVIEWABLE_COLLECTIONS)[number]

/** Content shown on other documents' pages, reviewed once for all of them. */
export const SHARED_COLLECTIONS = ['tips', 'warnings'] as const
export type SharedCollection = (typeof SHARED_COLLECTIONS)[number]

export type ReviewableDescriptor = {
  /** "article": how messages and the admin name one. */
  noun: string
  /**
   * The shared content its versions show, by relationship field of the same name. Its hash
   * includes theirs; its approval needs them approved and locks them; its page changes when they do.
   */
  shows: readonly SharedCollection[]
  /**
   * Shown on the pages of the documents that show it: its approval or retirement flags them for
   * re-review and changes their pages, and it goes live before them (the lock order).
   */
  shared: boolean
  /**
   * A page of its own (/articles/<slug>): readers' feedback, a tombstone with a replacement when
   * retired, a topic, and its own cache tags.
   */
  hasPage: boolean
  /** Cites sources: an approval confirms the evidence was checked and records it. */
  citesEvidence: boolean
  /** The texts readers read, measured for plain language (the standard disclaimer is not). */
  readText: readonly string[]
  /** Rich text whose accessible structure (headings, alt text, link text) is checked. */
  structuredText: readonly string[]
  /** Sign-off rules for it may also name, beside the collection: */
  ruleScope: 'topic' | 'severity' | null
}

export const REVIEWABLE: Record<ReviewableCollection, ReviewableDescriptor> = {
  articles: {
    noun: 'article',
    shows: SHARED_COLLECTIONS,
    shared: false,
    hasPage: true,
    citesEvidence: true,
    readText: ['title', 'summary', 'body'],
    structuredText: ['body'],
    ruleScope: 'topic',
  },
  tips: {
    noun: 'tip',
    shows: [],
    shared: true,
    hasPage: false,
    citesEvidence: false,
    readText: ['title', 'body'],
    structuredText: [],
    ruleScope: null,
  },
  warnings: {
    noun: 'warning',
    shows: [],
    shared: true,
    hasPage: false,
    citesEvidence: false,
    readText: ['title', 'symptoms', 'action'],
    structuredText: [],
    ruleScope: 'severity',
  },
}

export const isReviewableCollection = (value: unknown): value is ReviewableCollection =>
  typeof value === 'string' && (REVIEWABLE_COLLECTIONS as readonly string[]).includes(value)

export const isShared = (collection: ReviewableCollection): collection is SharedCollection => REVIEWABLE[collection].shared

export const nounOf = (collection: ReviewableCollection): string => REVIEWABLE[collection].noun

/** Shared content first, then the documents that show it; by id within a collection: the one lock order. */
export const LOCK_ORDER: readonly ReviewableCollection[] = [
  ...SHARED_COLLECTIONS,
  ...REVIEWABLE_COLLECTIONS.filter((c) => !REVIEWABLE[c].shared),
]
