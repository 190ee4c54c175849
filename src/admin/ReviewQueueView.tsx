// The reviewers' queue as an admin view at /admin/review-queue.
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { reviewQueue } from '../review/views/queue'
import { ReviewQueueTable } from './ReviewQueueTable'
import { FeedbackQueueTable } from './FeedbackQueueTable'
import { StaffTemplate, staffRequest } from './StaffTemplate'
import './admin.scss'

export async function ReviewQueueView(view: AdminViewServerProps) {
  const req = staffRequest(view, '/admin/review-queue')
  const queue = await reviewQueue(req)
  return (
    <StaffTemplate view={view}>
      <Gutter className="review-queue">
        <h1>Review queue</h1>
        {queue.totals.assignedToMe > 0 && (
          <ReviewQueueTable title="Assigned to me" items={queue.assignedToMe} total={queue.totals.assignedToMe} kind="review" />
        )}
        <ReviewQueueTable title="In review" items={queue.inReview} total={queue.totals.inReview} kind="review" />
        <ReviewQueueTable title="Needs re-review" items={queue.needsReReview} total={queue.totals.needsReReview} kind="other" />
        <ReviewQueueTable title="Overdue or due within 30 days" items={queue.due} total={queue.totals.due} kind="due" />
        <ReviewQueueTable title="Changes requested" items={queue.changesRequested} total={queue.totals.changesRequested} kind="other" />
        <FeedbackQueueTable items={queue.readerFeedback} total={queue.totals.readerFeedback} />
        <ReviewQueueTable
          title="Approved, waiting to go live"
          items={queue.waitingToGoLive}
          total={queue.totals.waitingToGoLive}
          kind="other"
        />
      </Gutter>
    </StaffTemplate>
  )
}
