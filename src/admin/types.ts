import type { Review } from '../../payload-types'
import type { ChangeSummary } from '../workflow/changes'

/** GET /api/<collection>/:id/workflow, as the admin panel reads it. */
export type WorkflowStatus = {
  state: string
  isLive: boolean
  hasUnapprovedDraft: boolean
  latestVersionId: string | null
  reviewingVersionId: string | null
  submission: { versionId: string; by: { displayName: string } | number | null; at: string | null } | null
  needsReReview: boolean
  reReviewReason: string | null
  editedSinceApprovalByYou: boolean
  availableActions: string[]
  verification: { verified: boolean; reason?: string } | null
  changes: ChangeSummary | null
  relationTitles: Record<string, string>
  compareUrl: string | null
  history: Review[]
}
