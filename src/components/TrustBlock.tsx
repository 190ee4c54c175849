import type { Approver, SignOff } from '@/lib/published-content'
import { formatDate } from './format'

const nameOf = (approver: Approver) => [approver.name, approver.credentials].filter(Boolean).join(', ')

/** The sign-off, from the approval records of the version on screen: every approver. */
export function TrustBlock({ signOff }: { signOff: SignOff | null }) {
  if (!signOff || signOff.approvers.length === 0) return null
  const names = signOff.approvers.map(nameOf)
  return (
    <div className="trust" data-testid="trust-block">
      <p>
        Medically reviewed by{' '}
        {names.map((name, index) => (
          <span key={index}>
            {index > 0 && (index === names.length - 1 ? ' and ' : ', ')}
            <strong>{name}</strong>
          </span>
        ))}{' '}
        on <time dateTime={signOff.reviewedAt}>{formatDate(signOff.reviewedAt)}</time>
      </p>
      {signOff.nextReviewDue && (
        <p>
          Next review due <time dateTime={signOff.nextReviewDue}>{formatDate(signOff.nextReviewDue)}</time>
        </p>
      )}
    </div>
  )
}
