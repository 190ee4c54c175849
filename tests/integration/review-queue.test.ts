import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { reviewQueue } from '@/review/views/queue'
import { ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, publishThroughWorkflow, sql, submit } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const queue = async () => (await rest('reviewer', 'GET', '/review-queue')).body
// Other test files leave documents in review (older ones come first, and a section lists 50):
// read past the screenful to find this file's own.
const wholeQueue = async () => reviewQueue(await createLocalReq({}, payload), { limit: 10_000 })

describe('GET /api/review-queue', () => {
  it('is for staff only', async () => {
    const response = await rest('anonymous', 'GET', '/review-queue')
    expect(response.status).toBe(401)
    expect(JSON.stringify(response.body)).not.toMatch(/in_review|Emma/)
  })

  it('cannot be reached by an account without a role, since no such account can exist', async () => {
    const email = `${unique('no-role')}@example.com`
    await expect(
      payload.create({ collection: 'users', data: { email, password: 'a-long-password', displayName: 'Nobody', roles: [] } }),
    ).rejects.toThrow(/Roles/)
  })

  it('lists submissions oldest first, with who submitted and how long they wait', async () => {
    const first = await createDraft('editor', 'tips', tipData())
    await submit('editor', 'tips', first)
    const second = await createDraft('editor', 'tips', tipData())
    await submit('editor', 'tips', second)
    const { inReview } = await wholeQueue()
    const positions = [first, second].map((id) => inReview.findIndex((item: any) => item.id === id))
    expect(positions[0]).toBeGreaterThanOrEqual(0)
    expect(positions[0]).toBeLessThan(positions[1]!)
    expect(inReview[positions[0]!]).toMatchObject({ collection: 'tips', state: 'in_review', submittedBy: { displayName: 'Emma Clarke' } })
    expect(inReview[positions[0]!]!.waitingMinutes).toBeGreaterThanOrEqual(0)
    // The API answers with the same first screenful.
    const screenful = (await queue()).inReview.map((item: { id: string }) => item.id)
    expect(screenful).toEqual(inReview.slice(0, screenful.length).map((item) => item.id))
  })

  it('lists changes requested', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    await act('reviewer', 'tips', id, 'request-changes', { versionId, comment: 'Too vague.' })
    expect((await wholeQueue()).changesRequested.map((item) => item.id)).toContain(id)
  })

  it('lists content overdue for review and due within 30 days', async () => {
    const overdue = await publishThroughWorkflow('tips', tipData())
    const soon = await publishThroughWorkflow('tips', tipData())
    const later = await publishThroughWorkflow('tips', tipData())
    await sql(`update tips set review_next_review_due = now() - interval '1 day' where id = $1`, [overdue])
    await sql(`update tips set review_next_review_due = now() + interval '10 days' where id = $1`, [soon])
    const { due } = await wholeQueue()
    expect(due.find((item: any) => item.id === overdue)).toMatchObject({ due: 'overdue' })
    expect(due.find((item: any) => item.id === soon)).toMatchObject({ due: 'due_soon' })
    expect(due.find((item: any) => item.id === later)).toBeUndefined()
  })

  it('shows the seeded pending revision on a fresh install', async () => {
    const { inReview } = await queue()
    expect(inReview.some((item: any) => item.title === 'Wear flat, comfortable shoes')).toBe(true)
  })

  it('lists the most urgent of each section and counts them all', async () => {
    await submit('editor', 'tips', await createDraft('editor', 'tips', tipData()))
    await submit('editor', 'tips', await createDraft('editor', 'tips', tipData()))
    const waiting = (await sql(`select count(*)::int as n from workflow where state = 'in_review'`)).rows[0].n
    expect(waiting).toBeGreaterThan(2)
    expect((await queue()).totals.inReview).toBe(waiting)
    const capped = await reviewQueue(await createLocalReq({}, payload), { limit: 2 })
    expect(capped.inReview).toHaveLength(2)
    expect(capped.totals.inReview).toBe(waiting)
    const oldest = (await sql(`select document_id from workflow where state = 'in_review' order by submitted_at limit 2`)).rows
    expect(capped.inReview.map((item) => item.id)).toEqual(oldest.map((row) => row.document_id))
  })
})
