'use client'
// The document's review status from the workflow API, read again after every save and
// whenever a review action announces a change (WORKFLOW_CHANGED).
import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import type { WorkflowStatus } from './types'

/** Dispatched on window after every review action, so every view of the status reloads. */
export const WORKFLOW_CHANGED = 'vetted:workflow-changed'

export function useWorkflowStatus() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const [status, setStatus] = useState<WorkflowStatus | null>(null)

  const load = useCallback(async () => {
    if (!id || !collectionSlug) return
    const response = await fetch(`/api/${collectionSlug}/${id}/workflow`, { credentials: 'include' })
    if (response.ok) setStatus(await response.json())
  }, [id, collectionSlug])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  useEffect(() => {
    const reload = () => void load()
    window.addEventListener(WORKFLOW_CHANGED, reload)
    return () => window.removeEventListener(WORKFLOW_CHANGED, reload)
  }, [load])

  return { status, announceChange: () => window.dispatchEvent(new Event(WORKFLOW_CHANGED)) }
}
