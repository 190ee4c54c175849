'use client'
// What a reviewer confirms with an approval, beside the button: that the evidence an article
// cites was checked, and, for a version above its reading-age target, that they accept it.
// The server requires both (src/review/approval-checks.ts); here the button waits for them.
import { useState } from 'react'
import type { ReviewChecks } from '../review/review-checks'

export function useApprovalConfirmations(collection: string, checks: ReviewChecks | null) {
  const [evidenceChecked, setEvidenceChecked] = useState(false)
  const [readingAcknowledged, setReadingAcknowledged] = useState(false)
  const isArticle = collection === 'articles'
  const aboveTarget = Boolean(checks?.plainLanguage.aboveTarget)
  const fields = (
    <>
      {isArticle && (
        <label>
          <input type="checkbox" checked={evidenceChecked} onChange={(e) => setEvidenceChecked(e.target.checked)} name="evidence-checked" /> I checked the
          evidence this version cites: each source supports the advice and is still current
        </label>
      )}
      {aboveTarget && (
        <label>
          <input type="checkbox" checked={readingAcknowledged} onChange={(e) => setReadingAcknowledged(e.target.checked)} name="reading-level-acknowledged" />{' '}
          It reads at age {checks?.plainLanguage.overall?.readingAge}, above the target of {checks?.plainLanguage.target}: I accept that for this version
        </label>
      )}
    </>
  )
  return {
    fields,
    ready: (!isArticle || evidenceChecked) && (!aboveTarget || readingAcknowledged),
    answers: { ...(isArticle ? { evidenceChecked } : {}), ...(aboveTarget ? { readingLevelAcknowledged: readingAcknowledged } : {}) },
    reset: () => {
      setEvidenceChecked(false)
      setReadingAcknowledged(false)
    },
  }
}
