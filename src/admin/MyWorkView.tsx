// "My work" at /admin/my-work: each person's own to-do list (src/review/views/my-work.ts).
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { myWork } from '../review/views/my-work'
import { ReviewQueueTable } from './ReviewQueueTable'
import { StateBadge } from './StateBadge'
import { nounOf } from '../workflow/reviewable'
import { StaffTemplate, staffRequest } from './StaffTemplate'
import './admin.scss'

export async function MyWorkView(view: AdminViewServerProps) {
  const req = staffRequest(view, '/admin/my-work')
  const work = await myWork(req)
  const isReviewer = req.user.roles?.includes('reviewer') ?? false
  return (
    <StaffTemplate view={view}>
      <Gutter className="review-queue my-work">
        <h1>My work</h1>
        {isReviewer && (
          <>
            <ReviewQueueTable title="Assigned to me" items={work.assignedToMe} total={work.assignedToMe.length} kind="review" />
            <ReviewQueueTable
              title="My approval still needed"
              items={work.approvalsNeeded}
              total={work.approvalsNeeded.length}
              kind="review"
            />
          </>
        )}
        <section className="review-queue__section" data-testid="my-documents">
          <h3>My documents ({work.myDocuments.length})</h3>
          {work.myDocuments.length === 0 ? (
            <p>Nothing you wrote yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Type</th>
                  <th>State</th>
                  <th>Last saved by you</th>
                </tr>
              </thead>
              <tbody>
                {work.myDocuments.map((doc) => (
                  <tr key={`${doc.collection}:${doc.id}`}>
                    <td>
                      <a href={`/admin/collections/${doc.collection}/${doc.id}`}>{doc.title ?? `#${doc.id}`}</a>
                    </td>
                    <td>{nounOf(doc.collection)}</td>
                    <td>
                      <StateBadge state={doc.state} />
                    </td>
                    <td>{doc.lastSavedAt.slice(0, 16).replace('T', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="review-queue__section" data-testid="my-notifications">
          <h3>Recent e-mail to me</h3>
          {work.notifications.length === 0 ? (
            <p>Nothing yet.</p>
          ) : (
            <ul>
              {work.notifications.map((note) => (
                <li key={note.id}>
                  <a href={note.link}>{note.subject.replace(/^Vetted: /, '')}</a> · {note.createdAt.slice(0, 10)}
                  {note.status !== 'sent' && ` · ${note.status === 'pending' ? 'not sent yet' : note.status}`}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/admin/account">Choose how you hear from Vetted</a>
          </p>
        </section>
      </Gutter>
    </StaffTemplate>
  )
}
