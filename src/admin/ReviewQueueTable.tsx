import type { QueueItem } from '../review/views/queue'
import { StateBadge } from './StateBadge'
import { nounOf } from '../workflow/reviewable'
import { QueueSection } from './QueueSection'

const hours = (minutes?: number) =>
  minutes === undefined ? '' : minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`

function editLink(item: QueueItem) {
  return `/admin/collections/${item.collection}/${item.id}`
}

/** One section of the reviewers' queue. */
export function ReviewQueueTable({
  title,
  items,
  total,
  kind,
}: {
  title: string
  items: QueueItem[]
  total: number
  kind: 'review' | 'due' | 'other'
}) {
  return (
    <QueueSection title={title} total={total} shown={items.length}>
      <table>
        <thead>
          <tr>
            <th>Document</th>
            <th>Type</th>
            <th>State</th>
            <th>{kind === 'review' ? 'Submitted by · waiting' : kind === 'due' ? 'Review due' : 'Why'}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.collection}:${item.id}`}>
              <td>
                <a href={editLink(item)}>{item.title ?? `#${item.id}`}</a>
              </td>
              <td>{nounOf(item.collection)}</td>
              <td>
                <StateBadge state={item.state} />
                {kind === 'review' && item.signOff && item.signOff.required > 1 && (
                  <span className="review-queue__sign-off"> · {item.signOff.summary}</span>
                )}
              </td>
              <td>
                {kind === 'review' && `${item.submittedBy?.displayName ?? 'unknown'} · ${hours(item.waitingMinutes)}`}
                {kind === 'review' && item.assignedTo && item.assignedTo.length > 0 && (
                  <span className="review-queue__assigned"> · for {item.assignedTo.map((p) => p.displayName).join(', ')}</span>
                )}
                {kind === 'due' && `${item.due === 'overdue' ? 'Overdue since' : 'Due'} ${item.nextReviewDue?.slice(0, 10)}`}
                {kind === 'other' && (item.reason ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueueSection>
  )
}
