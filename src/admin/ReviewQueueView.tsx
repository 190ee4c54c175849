// The reviewers' queue as an admin view at /admin/review-queue.
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { isStaff } from '../access/roles'
import { reviewQueue } from '../review/queue'
import { ReviewQueueTable } from './ReviewQueueTable'
import './admin.scss'

export async function ReviewQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Freview-queue')
  if (!isStaff(req.user)) redirect('/admin')
  const queue = await reviewQueue(req)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter className="review-queue">
        <h1>Review queue</h1>
        {queue.totals.assignedToMe > 0 && (
          <ReviewQueueTable title="Assigned to me" items={queue.assignedToMe} total={queue.totals.assignedToMe} kind="review" />
        )}
        <ReviewQueueTable title="In review" items={queue.inReview} total={queue.totals.inReview} kind="review" />
        <ReviewQueueTable title="Needs re-review" items={queue.needsReReview} total={queue.totals.needsReReview} kind="other" />
        <ReviewQueueTable title="Overdue or due within 30 days" items={queue.due} total={queue.totals.due} kind="due" />
        <ReviewQueueTable title="Changes requested" items={queue.changesRequested} total={queue.totals.changesRequested} kind="other" />
      </Gutter>
    </DefaultTemplate>
  )
}
