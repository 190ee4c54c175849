'use client'
// What a reviewer confirms with an approval, beside the button: that the evidence an article
// cites was checked, and, for a version above its reading-age target, that they accept it.
// The server requires both (src/review/actions/approval-checks.ts); here the button waits for them.
import { useState } from 'react'
import { isReviewableCollection, REVIEWABLE } from '../workflow/reviewable'
import type { ReviewChecks } from '../review/views/review-checks'

export function useApprovalConfirmations(collection: string, checks: ReviewChecks | null) {
  const [evidenceChecked, setEvidenceChecked] = useState(false)
  const [readingAcknowledged, setReadingAcknowledged] = useState(false)
  const citesEvidence = isReviewableCollection(collection) && REVIEWABLE[collection].citesEvidence
  const aboveTarget = Boolean(checks?.plainLanguage.aboveTarget)
  const fields = (
    <>
      {citesEvidence && (
        <label>
          <input type="checkbox" checked={evidenceChecked} onChange={(e) => setEvidenceChecked(e.target.checked)} name="evidence-checked" />{' '}
          I checked the evidence this version cites: each source supports the advice and is still current
        </label>
      )}
      {aboveTarget && (
        <label>
          <input
            type="checkbox"
            checked={readingAcknowledged}
            onChange={(e) => setReadingAcknowledged(e.target.checked)}
            name="reading-level-acknowledged"
          />{' '}
          It reads at age {checks?.plainLanguage.overall?.readingAge}, above the target of {checks?.plainLanguage.target}: I accept that for
          this version
        </label>
      )}
    </>
  )
  return {
    fields,
    ready: (!citesEvidence || evidenceChecked) && (!aboveTarget || readingAcknowledged),
    answers: { ...(citesEvidence ? { evidenceChecked } : {}), ...(aboveTarget ? { readingLevelAcknowledged: readingAcknowledged } : {}) },
    reset: () => {
      setEvidenceChecked(false)
      setReadingAcknowledged(false)
    },
  }
}
