'use client'
// The document's review status from the workflow API, read again after every save and
// whenever a review action announces a change (WORKFLOW_CHANGED).
import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import type { WorkflowStatus } from './types'

/** Dispatched on window after every review action, so every view of the status reloads. */
export const WORKFLOW_CHANGED = 'vetted:workflow-changed'

// The panel and the header ask at the same moments (a save, an action): one request serves
// both. A read is shared only while it is in flight, so nothing is ever served stale.
const inFlight = new Map<string, Promise<WorkflowStatus | null>>()

function readShared(url: string): Promise<WorkflowStatus | null> {
  const pending = inFlight.get(url)
  if (pending) return pending
  const read = fetch(url, { credentials: 'include' })
    .then((response) => (response.ok ? (response.json() as Promise<WorkflowStatus>) : null))
    .finally(() => inFlight.delete(url))
  inFlight.set(url, read)
  return read
}

export function useWorkflowStatus() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const [status, setStatus] = useState<WorkflowStatus | null>(null)

  const load = useCallback(async () => {
    if (!id || !collectionSlug) return
    const next = await readShared(`/api/${collectionSlug}/${id}/workflow`)
    if (next) setStatus(next)
  }, [id, collectionSlug])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  useEffect(() => {
    const reload = () => void load()
    window.addEventListener(WORKFLOW_CHANGED, reload)
    return () => window.removeEventListener(WORKFLOW_CHANGED, reload)
  }, [load])

  // A read begun before the change would answer with the old state: forget it first.
  const announceChange = () => {
    inFlight.clear()
    window.dispatchEvent(new Event(WORKFLOW_CHANGED))
  }
  return { status, announceChange }
}
