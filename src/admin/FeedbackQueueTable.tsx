import type { FeedbackItem } from '../feedback/queue'
import { FEEDBACK_PROBLEM_LABEL } from '../workflow/feedback'
import { QueueSection } from './QueueSection'

/** The queue's reader-feedback section: "something is wrong" first. Readers' words as text only. */
export function FeedbackQueueTable({ items, total }: { items: FeedbackItem[]; total: number }) {
  return (
    <QueueSection title="Reader feedback" total={total} shown={items.length}>
      <table>
        <thead>
          <tr>
            <th>Article</th>
            <th>Reported</th>
            <th>What the reader said</th>
            <th>When</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <a href={`/admin/collections/articles/${item.articleId}`}>{item.articleTitle ?? `Article ${item.articleId}`}</a>
              </td>
              <td>{item.problem ? FEEDBACK_PROBLEM_LABEL[item.problem] : item.helpful ? 'Helpful' : 'Not helpful'}</td>
              <td className="feedback-comment">{item.comment ?? ''}</td>
              <td>{new Date(item.submittedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueueSection>
  )
}
