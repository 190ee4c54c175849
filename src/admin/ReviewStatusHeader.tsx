'use client'
// Replaces Payload's document status ("Published / Changed", with "Revert to published",
// which only an approval may do): the review state, read from the workflow API, and read
// again after every save and every review action, so it never says "Changed" after an approval.
import { useDocumentInfo } from '@payloadcms/ui'
import { StateBadge } from './StateBadge'
import { useWorkflowStatus } from './useWorkflowStatus'

export function ReviewStatusHeader() {
  const { id } = useDocumentInfo()
  const { status } = useWorkflowStatus()
  if (!id || !status) return null
  return (
    <div className="review-status-header" data-testid="review-status-header">
      <StateBadge state={status.state} />
      <span>{status.isLive ? (status.hasUnapprovedDraft ? ' Live; unapproved changes in the draft' : ' Live') : ' Not on the site'}</span>
    </div>
  )
}
