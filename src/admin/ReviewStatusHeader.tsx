'use client'
// Replaces Payload's document status ("Published / Changed", with "Revert to published",
// which only an approval may do): the review state, read from the workflow API, and read
// again after every save and every review action, so it never says "Changed" after an approval.
import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { WORKFLOW_CHANGED } from './ReviewPanel'
import { StateBadge } from './StateBadge'

type Summary = { state: string; isLive: boolean; hasUnapprovedDraft: boolean }

export function ReviewStatusHeader() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const [summary, setSummary] = useState<Summary | null>(null)

  const load = useCallback(async () => {
    if (!id || !collectionSlug) return
    const response = await fetch(`/api/${collectionSlug}/${id}/workflow`, { credentials: 'include' })
    if (response.ok) setSummary(await response.json())
  }, [id, collectionSlug])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  useEffect(() => {
    const reload = () => void load()
    window.addEventListener(WORKFLOW_CHANGED, reload)
    return () => window.removeEventListener(WORKFLOW_CHANGED, reload)
  }, [load])

  if (!id || !summary) return null
  return (
    <div className="review-status-header" data-testid="review-status-header">
      <StateBadge state={summary.state} />
      <span>
        {summary.isLive ? (summary.hasUnapprovedDraft ? ' Live; unapproved changes in the draft' : ' Live') : ' Not on the site'}
      </span>
    </div>
  )
}
