// Assigning a submission to reviewers (POST /api/<collection>/:id/assign { reviewerIds }):
// who may, to whom, "Assigned to me" first in the queue, and every reassignment recorded.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureSeeded, tipData } from '../support/content'
import { loginToken, rest, restWithToken, testPayload, unique, demoPeopleIds } from '../support/payload'
import { act, createDraft, editDraft, submit } from '../support/workflow'

let payload: Payload
let ids: Record<'editor' | 'reviewer' | 'reviewer2', number>

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  ids = await demoPeopleIds(payload, ['editor', 'reviewer', 'reviewer2'] as const)
})

async function submittedTip() {
  const id = await createDraft('editor', 'tips', tipData(unique('assign')))
  await submit('editor', 'tips', id)
  return id
}

const queueOf = async (person: 'reviewer' | 'reviewer2') => (await rest(person, 'GET', '/review-queue')).body

describe('assigning reviewers', () => {
  it('lets the submitter assign; the assignee finds it under "Assigned to me", everyone still in review', async () => {
    const id = await submittedTip()
    const response = await act('editor', 'tips', id, 'assign', { reviewerIds: [ids.reviewer2] })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.assignedTo).toEqual([{ id: ids.reviewer2, displayName: 'Dr. Samuel Okafor' }])
    const mine = await queueOf('reviewer2')
    expect(mine.assignedToMe.map((item: { id: string }) => item.id)).toContain(id)
    expect(mine.assignedToMe.find((item: { id: string }) => item.id === id).assignedTo).toEqual([
      { id: ids.reviewer2, displayName: 'Dr. Samuel Okafor' },
    ])
    const theirs = await queueOf('reviewer')
    expect(theirs.assignedToMe.map((item: { id: string }) => item.id)).not.toContain(id)
    expect(theirs.inReview.map((item: { id: string }) => item.id)).toContain(id)
    expect((await rest('editor', 'GET', `/tips/${id}/workflow`)).body.assignedTo).toEqual([
      { id: ids.reviewer2, displayName: 'Dr. Samuel Okafor' },
    ])
  })

  it('lets a reviewer reassign, records each change with before and after, and unassigns with an empty list', async () => {
    const id = await submittedTip()
    expect((await act('editor', 'tips', id, 'assign', { reviewerIds: [ids.reviewer2] })).status).toBe(200)
    expect((await act('reviewer', 'tips', id, 'assign', { reviewerIds: [ids.reviewer, ids.reviewer2] })).status).toBe(200)
    expect((await act('reviewer', 'tips', id, 'assign', { reviewerIds: [] })).status).toBe(200)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ event: { equals: 'reviewers_assigned' } }, { 'after.document': { equals: `tips:${id}` } }] },
      sort: 'at',
      depth: 0,
    })
    expect(
      docs.map((doc) => [(doc.before as { reviewerIds: string[] }).reviewerIds, (doc.after as { reviewerIds: string[] }).reviewerIds]),
    ).toEqual([
      [[], [String(ids.reviewer2)]],
      [[String(ids.reviewer2)], [String(ids.reviewer), String(ids.reviewer2)]],
      [[String(ids.reviewer), String(ids.reviewer2)], []],
    ])
    expect(docs[1]?.actorName).toBe('Dr. Maya Chen')
  })

  it('refuses an editor who did not submit it, anonymous callers, and documents not in review', async () => {
    const id = await submittedTip()
    const otherEditor = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('editor')}@example.org`,
        password: 'a-long-enough-password',
        displayName: unique('Editor'),
        roles: ['editor'],
      },
    })
    const token = await loginToken(otherEditor.email, 'a-long-enough-password')
    const refused = await restWithToken(token, 'POST', `/tips/${id}/assign`, { reviewerIds: [ids.reviewer] })
    expect(refused.status).toBe(403)
    expect((await act('anonymous', 'tips', id, 'assign', { reviewerIds: [ids.reviewer] })).status).toBe(401)
    const draft = await createDraft('editor', 'tips', tipData(unique('assign-draft')))
    expect((await act('reviewer', 'tips', draft, 'assign', { reviewerIds: [ids.reviewer2] })).status).toBe(409)
  })

  it('refuses people who cannot review it, and bad bodies, changing nothing', async () => {
    const id = await submittedTip()
    const cases: [unknown, number, RegExp][] = [
      [{ reviewerIds: [ids.editor] }, 400, /is not a reviewer/],
      [{ reviewerIds: [999999] }, 400, /no person with id 999999/],
      [{ reviewerIds: 'everyone' }, 400, /Name the reviewers/],
      [{ reviewerIds: ['021'] }, 400, /people’s ids/],
      [{}, 400, /Name the reviewers/],
    ]
    for (const [body, status, message] of cases) {
      const response = await act('editor', 'tips', id, 'assign', body)
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(response.body.errors[0].message).toMatch(message)
    }
    // A reviewer who edited this version cannot approve it, so cannot be assigned it.
    await editDraft('reviewer', 'tips', id, { body: `Edited by a reviewer ${unique('x')}` })
    await submit('editor', 'tips', id)
    const author = await act('editor', 'tips', id, 'assign', { reviewerIds: [ids.reviewer] })
    expect(author.status).toBe(409)
    expect(author.body.errors[0].message).toMatch(/edited this version/)
    expect((await rest('editor', 'GET', `/tips/${id}/workflow`)).body.assignedTo).toEqual([])
  })

  it('lists reviewers to staff for assigning, without e-mail addresses', async () => {
    const response = await rest('editor', 'GET', '/reviewers')
    expect(response.status).toBe(200)
    expect(response.body.reviewers.map((r: { displayName: string }) => r.displayName)).toEqual(
      expect.arrayContaining(['Dr. Maya Chen', 'Dr. Samuel Okafor']),
    )
    expect(JSON.stringify(response.body)).not.toContain('@')
    expect((await rest('anonymous', 'GET', '/reviewers')).status).toBe(401)
  })
})
