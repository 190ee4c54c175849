import type { Approver, SignOff } from '@/site/published-content'
import { formatDate } from './format'

const nameOf = (approver: Approver) => [approver.name, approver.credentials].filter(Boolean).join(', ')

/** Each approver's name links to their public profile. */
const ApproverName = ({ approver }: { approver: Approver }) =>
  approver.profileSlug ? (
    <a href={`/reviewers/${approver.profileSlug}`}>
      <strong>{nameOf(approver)}</strong>
    </a>
  ) : (
    <strong>{nameOf(approver)}</strong>
  )

/** Declared interests of everyone who wrote and signed off this version, as declared then. */
function Interests({ signOff }: { signOff: SignOff }) {
  const people = [
    ...signOff.approvers.map((approver) => ({ role: 'reviewer', name: approver.name, disclosure: approver.disclosure })),
    ...signOff.authors.map((author) => ({ role: 'author', name: author.name, disclosure: author.disclosure })),
  ]
  return (
    <details className="interests" data-testid="disclosures">
      <summary>Declared interests</summary>
      <ul>
        {people.map((person, index) => (
          <li key={index}>
            {person.name} ({person.role}): {person.disclosure}
          </li>
        ))}
      </ul>
    </details>
  )
}

const When = ({ at }: { at: string }) => <time dateTime={at}>{formatDate(at)}</time>

/**
 * The sign-off, from the approval records of the version on screen: every approver. A minor
 * change (wording, links, formatting) says so, and keeps the date of the last full clinical
 * review (src/workflow/review-kind.ts).
 */
export function TrustBlock({ signOff }: { signOff: SignOff | null }) {
  if (!signOff || signOff.approvers.length === 0) return null
  const count = signOff.approvers.length
  const approvers = signOff.approvers.map((approver, index) => (
    <span key={index}>
      {index > 0 && (index === count - 1 ? ' and ' : ', ')}
      <ApproverName approver={approver} />
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
      {signOff.authors.length > 0 && <p>Written by {signOff.authors.map((author) => author.name).join(', ')}</p>}
      {signOff.nextReviewDue && (
        <p>
          Next review due <When at={signOff.nextReviewDue} />
        </p>
      )}
      <Interests signOff={signOff} />
    </div>
  )
}
