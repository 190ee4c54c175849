import type { SignOff } from '@/lib/published-content'
import { formatDate } from './format'

/** The sign-off, from the approval record of the version on screen. */
export function TrustBlock({ signOff }: { signOff: SignOff | null }) {
  if (!signOff) return null
  const reviewer = [signOff.reviewerName, signOff.reviewerCredentials].filter(Boolean).join(', ')
  return (
    <div className="trust" data-testid="trust-block">
      <p>
        Medically reviewed by <strong>{reviewer}</strong> on{' '}
        <time dateTime={signOff.reviewedAt}>{formatDate(signOff.reviewedAt)}</time>
      </p>
      {signOff.nextReviewDue && (
        <p>
          Next review due <time dateTime={signOff.nextReviewDue}>{formatDate(signOff.nextReviewDue)}</time>
        </p>
      )}
    </div>
  )
}
