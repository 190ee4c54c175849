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
  lastFullReviewAt: string | null
  scheduledRetirement: { at: string; comment: string | null } | null
  needsReReview: boolean
  reReviewReason: string | null
  editedSinceApprovalByYou: boolean
  availableActions: string[]
  verification: { verified: boolean; reason?: string } | null
  assignedTo?: { id: number; displayName: string }[]
  /** In review: the version's sign-off policy and how far its approvals are. */
  signOff: {
    met: boolean
    approvals: number
    required: number
    missingSpecialties: string[]
    summary: string
    policy: { rules: string[] }
  } | null
  changes: ChangeSummary | null
  relationTitles: Record<string, string>
  compareUrl: string | null
  history: (Review & { superseded?: boolean })[]
  heldSignOff?: { versionId: string; signedOffAt: string; goLiveAt: string | null } | null
  release?: { id: number; name: string; state: string } | null
}

/** One member of a release, as GET /api/releases/:id gives it. */
export type { MemberView } from '../review/releases/releases'
