// The dashboard's first card: what this person should do next, and the queue.
import { createLocalReq, type Payload } from 'payload'
import type { User } from '../../payload-types'
import { hasRole } from '../access/roles'
import { reviewQueue } from '../review/views/queue'
import { registrationAlerts } from '../accounts/registrations-report'
import './admin.scss'

type Props = { payload: Payload; user?: User | null }

export async function DashboardGreeting({ payload, user }: Props) {
  if (!user) return null
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const queue = await reviewQueue(req)
  const reviewer = hasRole(user, 'reviewer')
  const { totals } = queue
  const waiting = totals.inReview + totals.needsReReview + totals.due
  const alerts = hasRole(user, 'admin') ? await registrationAlerts(req) : []
  return (
    <div className="review-panel dashboard-greeting" data-testid="dashboard-greeting">
      <h2>Hello, {user.displayName}</h2>
      {reviewer ? (
        <p>
          {waiting === 0
            ? 'Nothing is waiting for your review.'
            : `${totals.inReview} in review, ${totals.needsReReview} needing re-review, ${totals.due} due or overdue.`}
        </p>
      ) : hasRole(user, 'editor') ? (
        <p>
          {totals.changesRequested > 0
            ? `${totals.changesRequested} document(s) came back with changes requested: open them to read the reviewer's comment.`
            : `Draft your changes, then submit them for review. ${totals.inReview} document(s) are with the reviewers.`}
        </p>
      ) : (
        <p>Manage people and roles under Administration. Publishing happens only through a reviewer's approval.</p>
      )}
      <p>
        <a href="/admin/review-queue">Open the review queue</a>
      </p>
      {alerts.length > 0 && (
        <section data-testid="registration-alerts">
          <h3>Reviewers’ registrations</h3>
          <ul>
            {alerts.map((alert, index) => (
              <li key={`${alert.id}:${index}`}>
                <a href={`/admin/collections/users/${alert.id}`}>{alert.displayName}</a>:{' '}
                {alert.registration === null
                  ? 'no registration on file'
                  : `${alert.registration} ${alert.lapsed ? `lapsed on ${alert.lapsesOn}` : `lapses on ${alert.lapsesOn}`}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
