import type { Approver, SignOff } from '@/lib/published-content'
import { formatDate } from './format'

const nameOf = (approver: Approver) => [approver.name, approver.credentials].filter(Boolean).join(', ')

const When = ({ at }: { at: string }) => <time dateTime={at}>{formatDate(at)}</time>

/**
 * The sign-off, from the approval records of the version on screen: every approver. A minor
 * change (wording, links, formatting) says so, and keeps the date of the last full clinical
 * review (src/workflow/review-kind.ts).
 */
export function TrustBlock({ signOff }: { signOff: SignOff | null }) {
  if (!signOff || signOff.approvers.length === 0) return null
  const names = signOff.approvers.map(nameOf)
  const approvers = names.map((name, index) => (
    <span key={index}>
      {index > 0 && (index === names.length - 1 ? ' and ' : ', ')}
      <strong>{name}</strong>
    </span>
  ))
  return (
    <div className="trust" data-testid="trust-block">
      {signOff.kind === 'minor' ? (
        <>
          <p data-testid="last-full-review">
            Last full clinical review <When at={signOff.reviewedAt} />
          </p>
          <p>
            Updated <When at={signOff.approvedAt} /> (a minor change: wording, links or formatting), approved by {approvers}
          </p>
        </>
      ) : (
        <p>
          Medically reviewed by {approvers} on <When at={signOff.reviewedAt} />
        </p>
      )}
      {signOff.nextReviewDue && (
        <p>
          Next review due <When at={signOff.nextReviewDue} />
        </p>
      )}
    </div>
  )
}
