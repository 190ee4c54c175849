// What the review actions take and give back. The HTTP body of every action has the same shape
// (review/endpoints/inputs.ts checks it); each action reads the fields that are its own.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import type { PolicyProgress, ReviewKind, State } from '../../workflow'
import type { Facts, Target } from '../data/facts'

export type ActionInput = {
  versionId?: string | null
  comment?: string | null
  /** Approvals: a full clinical review (the default) or a minor change (src/workflow/review-kind.ts). */
  reviewKind?: ReviewKind | null
  /** Approvals: hold the sign-off and make the version live at this time (ISO 8601 with its zone). */
  goLiveAt?: string | null
  /** Approvals: what readers are told changed (required for a correction). */
  changeNote?: string | null
  /** Approvals: this change corrects a mistake readers saw. */
  correction?: boolean | null
  /** Approvals of content that cites sources: the reviewer checked the evidence (required). */
  evidenceChecked?: boolean | null
  /** Approvals: the reviewer accepts a reading age above the collection's target. */
  readingLevelAcknowledged?: boolean | null
  /** Retirements of a page: the live document readers are sent to instead (its id). */
  replacement?: string | null
  /** Retirements: why, as the tombstone says it (one of src/workflow/change-log.ts RETIREMENT_REASONS, checked there). */
  retirementReason?: unknown
}

export type ActionResult = {
  state: State
  versionId: string | null
  reviewId?: number
  contentHash?: string
  /** The live slug after the action, when it changed what readers see. */
  slug?: string
  /** The live topic after the action, likewise. */
  topic?: string
  /** For shared content: the live articles that show it, whose pages changed with it. */
  changedArticleSlugs?: string[]
  /** After an approval: how far the version is towards its sign-off policy. */
  signOff?: PolicyProgress
  /** A completed sign-off that waits: for its release, or for its scheduled time. */
  held?: { releaseId: number | null; releaseName: string | null; goLiveAt: string | null }
}

/** The person acting, with their registrations as stored (field access hides them from some readers of req.user). */
export type Actor = User

/** What every action works with: read under the document's row lock, in the action's transaction. */
export type ActionContext = {
  req: PayloadRequest
  actor: Actor
  target: Target
  facts: Facts
  /** The comment for the trail, trimmed; null when there is none. */
  comment: string | null
}
