// "My work" (GET /api/my-work and /admin/my-work): each person's assignments, the sign-offs
// still waiting for their approval, their own documents, and the mail they were sent.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique, demoPeopleIds } from '../support/payload'
import { act, approve, createDraft, editDraft, sql, submit } from '../support/workflow'

let payload: Payload
let savedRules: unknown[] = []
const TOPIC = unique('My work topic ')
let ids: Record<'reviewer' | 'reviewer2', number>

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  ids = await demoPeopleIds(payload, ['reviewer', 'reviewer2'] as const)
  const global = await payload.findGlobal({ slug: 'review-policy' })
  savedRules = (global.rules ?? []).map(({ id: _id, ...rule }) => rule)
  await payload.updateGlobal({
    slug: 'review-policy',
    data: { rules: [...(savedRules as never[]), { name: 'Two for my-work', collection: 'articles', topic: TOPIC, approvals: 2 }] },
  })
})

afterAll(async () => {
  await payload.updateGlobal({ slug: 'review-policy', data: { rules: savedRules as never[] } })
})

const workOf = async (person: 'editor' | 'reviewer' | 'reviewer2') => {
  const response = await rest(person, 'GET', '/my-work')
  expect(response.status).toBe(200)
  return response.body
}
const keys = (items: { collection: string; id: string }[]) => items.map((item) => `${item.collection}:${item.id}`)

describe('my work', () => {
  it('lists an editor’s documents with their state, and what they were told', async () => {
    const id = await createDraft('editor', 'tips', tipData(unique('mine')))
    await submit('editor', 'tips', id)
    const work = await workOf('editor')
    expect(work.myDocuments.find((doc: { id: string }) => doc.id === id)).toMatchObject({ collection: 'tips', state: 'in_review' })
    expect(work.assignedToMe).toEqual([])
    expect(work.approvalsNeeded).toEqual([])
    await approve('reviewer', 'tips', id, (await rest('editor', 'GET', `/tips/${id}/workflow`)).body.submission.versionId)
    const after = await workOf('editor')
    expect(after.myDocuments.find((doc: { id: string }) => doc.id === id).state).toBe('published')
    expect(after.notifications[0].subject).toMatch(/Approved and live: Tip mine/)
  })

  it('shows a reviewer what is assigned to them, until they approve it (under a two-reviewer rule it stays in review)', async () => {
    const id = await createDraft('editor', 'articles', { ...articleData(unique('assigned-work')), topic: TOPIC })
    const versionId = await submit('editor', 'articles', id)
    expect((await act('editor', 'articles', id, 'assign', { reviewerIds: [ids.reviewer2] })).status).toBe(200)
    expect(keys((await workOf('reviewer2')).assignedToMe)).toContain(`articles:${id}`)
    expect(keys((await workOf('reviewer')).assignedToMe)).not.toContain(`articles:${id}`)
    // Assigned to someone else who may still approve it: not the reviewer's to pick up.
    expect(keys((await workOf('reviewer')).approvalsNeeded)).not.toContain(`articles:${id}`)
    const first = await act('reviewer2', 'articles', id, 'approve', { versionId })
    expect(first.body.state).toBe('in_review')
    expect(keys((await workOf('reviewer2')).assignedToMe)).not.toContain(`articles:${id}`)
    // The only assignee approved and it needs one more: now anyone's, so the other reviewer's.
    expect(keys((await workOf('reviewer')).approvalsNeeded)).toContain(`articles:${id}`)
  })

  it('leaves out what the reviewer edited since its last approval (four eyes), not what they wrote before it', async () => {
    // The reviewer wrote it; another reviewer approved it (one approval: not in the two-reviewer topic yet).
    const id = await createDraft('reviewer', 'articles', articleData(unique('four-eyes')))
    await approve('reviewer2', 'articles', id, await submit('reviewer', 'articles', id))
    // The editor moves it into the two-reviewer topic; reviewer2 gives the first approval.
    await editDraft('editor', 'articles', id, { topic: TOPIC })
    let versionId = await submit('editor', 'articles', id)
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId })).body.state).toBe('in_review')
    expect(keys((await workOf('reviewer')).approvalsNeeded)).toContain(`articles:${id}`)
    // Now the reviewer edits it: the version is theirs, not theirs to approve.
    await editDraft('reviewer', 'articles', id, { summary: `Edited by the reviewer ${unique('x')}` })
    versionId = await submit('reviewer', 'articles', id)
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId })).body.state).toBe('in_review')
    expect(keys((await workOf('reviewer')).approvalsNeeded)).not.toContain(`articles:${id}`)
  })

  it('shows a sign-off under way to the reviewers who could still complete it, not to who already approved, however long the queue', async () => {
    // More older submissions waiting than the queue lists (50): the sign-off under way is still found.
    await sql(
      `insert into workflow (key, document_collection, document_id, document_title, state, submitted_at, updated_at, created_at)
       select 'tips:' || (900000 + n), 'tips', (900000 + n)::text, 'Old waiting tip ' || n, 'in_review', now() - interval '10 days', now(), now()
       from generate_series(1, 60) n on conflict (key) do nothing`,
    )
    try {
      const id = await createDraft('editor', 'articles', { ...articleData(unique('two-step')), topic: TOPIC })
      const versionId = await submit('editor', 'articles', id)
      expect(keys((await workOf('reviewer2')).approvalsNeeded)).not.toContain(`articles:${id}`)
      const first = await act('reviewer', 'articles', id, 'approve', { versionId })
      expect(first.body.state).toBe('in_review')
      expect(keys((await workOf('reviewer2')).approvalsNeeded)).toContain(`articles:${id}`)
      expect(keys((await workOf('reviewer')).approvalsNeeded)).not.toContain(`articles:${id}`)
    } finally {
      await sql(`delete from workflow where key like 'tips:9%' and document_title like 'Old waiting tip %'`)
    }
  })

  it('is for staff only', async () => {
    expect((await rest('anonymous', 'GET', '/my-work')).status).toBe(401)
  })
})
