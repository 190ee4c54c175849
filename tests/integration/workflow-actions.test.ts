// The workflow REST API as each role: the happy path, version binding, four eyes,
// retirement, and the refusals (each of which must leave everything as it was).
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, approve, createDraft, editDraft, publishThroughWorkflow, readerView, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const reviewCount = async () => (await sql(`select count(*)::int as n from reviews`)).rows[0].n

describe('the happy path', () => {
  it('edit, submit, request changes, edit, submit, approve by another reviewer: the approved version is live', async () => {
    const id = await createDraft('editor', 'warnings', warningData(unique('first')))
    const firstVersion = await submit('editor', 'warnings', id)
    const sentBack = await act('reviewer', 'warnings', id, 'request-changes', { versionId: firstVersion, comment: 'Say when to call.' })
    expect(sentBack.status).toBe(200)
    expect(sentBack.body.state).toBe('changes_requested')
    expect((await workflowStatus('warnings', id)).history[0]).toMatchObject({ decision: 'changes_requested', comment: 'Say when to call.' })

    const finalAction = `Call your midwife today ${unique('final')}`
    await editDraft('editor', 'warnings', id, { action: finalAction })
    const secondVersion = await submit('editor', 'warnings', id)
    expect(secondVersion).not.toBe(firstVersion)
    const approval = await approve('reviewer2', 'warnings', id, secondVersion)

    const live = await readerView('warnings', id)
    expect(live.status).toBe(200)
    expect(live.body.action).toBe(finalAction)
    expect(live.body._status).toBe('published')

    const [record] = (await sql(`select * from reviews where id = $1`, [approval.reviewId])).rows
    expect(record).toMatchObject({
      decision: 'approved',
      version_id: secondVersion,
      content_hash: approval.contentHash,
      reviewer_name: 'Dr. Samuel Okafor',
      reviewer_credentials: 'MD, FAAFP',
    })
    expect(live.body.review.contentHash).toBe(approval.contentHash)
    expect(live.body.review.approvedVersion).toBe(secondVersion)

    const status = await workflowStatus('warnings', id)
    expect(status.state).toBe('published')
    expect(status.verification).toMatchObject({ verified: true, contentHash: approval.contentHash })
  })

  it('sets the review dates: reviewed now, next review due in 12 months', async () => {
    const id = await publishThroughWorkflow('tips', tipData())
    const { body } = await readerView('tips', id)
    const reviewed = new Date(body.review.lastReviewedAt)
    expect(Date.now() - reviewed.getTime()).toBeLessThan(60_000)
    const due = new Date(body.review.nextReviewDue)
    const months = (due.getUTCFullYear() - reviewed.getUTCFullYear()) * 12 + due.getUTCMonth() - reviewed.getUTCMonth()
    expect(months).toBe(12)
    expect(typeof body.review.reviewedBy === 'object' ? body.review.reviewedBy.id : body.review.reviewedBy).toBeDefined()
  })
})

describe('approval is bound to the submitted version', () => {
  it('refuses a version saved after the submission (stale)', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const submitted = await submit('editor', 'tips', id)
    await editDraft('editor', 'tips', id, { body: 'Changed after submission.' })
    const before = await reviewCount()
    const response = await act('reviewer', 'tips', id, 'approve', { versionId: submitted })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/edited after it was submitted/)
    expect(await reviewCount()).toBe(before)
    expect((await readerView('tips', id)).status).toBe(404)
  })

  it('refuses a version other than the submitted one', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const older = (await workflowStatus('tips', id)).latestVersionId
    await editDraft('editor', 'tips', id, { body: 'Second draft.' })
    await submit('editor', 'tips', id)
    const response = await act('reviewer', 'tips', id, 'approve', { versionId: older })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/not the version that was submitted/)
  })

  it('refuses to approve what is not in review', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const latest = (await workflowStatus('tips', id)).latestVersionId
    const response = await act('reviewer', 'tips', id, 'approve', { versionId: latest })
    expect(response.status).toBe(409)
  })

  it('publishes exactly the submitted content', async () => {
    const body = `Exact words ${unique('exact')}`
    const id = await createDraft('editor', 'tips', { ...tipData(), body })
    await approve('reviewer', 'tips', id, await submit('editor', 'tips', id))
    expect((await readerView('tips', id)).body.body).toBe(body)
  })
})

describe('four eyes', () => {
  it('refuses an approval by a reviewer who edited the version, and says why', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    await editDraft('reviewer', 'tips', id, { body: 'The reviewer touched this.' })
    const versionId = await submit('editor', 'tips', id)
    const response = await act('reviewer', 'tips', id, 'approve', { versionId })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toBe('You edited this version since it was last approved: another reviewer must approve it.')
    expect((await readerView('tips', id)).status).toBe(404)
    await approve('reviewer2', 'tips', id, versionId)
  })

  it('refuses a reviewer approving their own new document', async () => {
    const id = await createDraft('reviewer', 'tips', tipData())
    const versionId = await submit('reviewer', 'tips', id)
    expect((await act('reviewer', 'tips', id, 'approve', { versionId })).status).toBe(403)
  })

  it('lets a reviewer approve when their only edits were already approved', async () => {
    const id = await createDraft('reviewer', 'tips', tipData())
    await approve('reviewer2', 'tips', id, await submit('reviewer', 'tips', id))
    await editDraft('editor', 'tips', id, { body: 'An editor changed this since.' })
    await approve('reviewer', 'tips', id, await submit('editor', 'tips', id))
  })
})

describe('roles', () => {
  it.each(['approve', 'request-changes', 'retire'])('refuses an editor who tries to %s', async (action) => {
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    const response = await act('editor', 'tips', id, action, { versionId, comment: 'x' })
    expect(response.status).toBe(403)
  })

  it('refuses an admin who is not a medical reviewer', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    expect((await act('admin', 'tips', id, 'approve', { versionId })).status).toBe(403)
  })

  it.each(['submit', 'approve', 'request-changes', 'retire'])('refuses an anonymous %s with 401', async (action) => {
    const response = await act('anonymous', 'articles', '1', action, { versionId: '1', comment: 'x' })
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/Log in/)
  })
})

describe('bad requests change nothing', () => {
  it('answers 404 for an unknown document', async () => {
    for (const id of ['99999999', 'not-an-id']) {
      expect((await act('reviewer', 'tips', id, 'submit')).status).toBe(404)
    }
  })

  it('answers 400 for malformed JSON, wrong types and missing fields', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    const before = await reviewCount()
    const cases: [string, unknown][] = [
      ['approve', '{"versionId": '],
      ['approve', '[1, 2]'],
      ['approve', { versionId: { $ne: null } }],
      ['approve', {}],
      ['request-changes', { versionId, comment: 42 }],
      ['request-changes', { versionId }],
      ['request-changes', { versionId, comment: 'x'.repeat(5001) }],
    ]
    for (const [action, body] of cases) {
      const response = await act('reviewer', 'tips', id, action, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.errors[0].message).toBeTruthy()
    }
    expect(await reviewCount()).toBe(before)
    expect((await workflowStatus('tips', id)).state).toBe('in_review')
  })
})

describe('retiring', () => {
  it('takes the content off the site and writes the reason to the trail', async () => {
    const id = await publishThroughWorkflow('tips', tipData())
    expect((await act('reviewer', 'tips', id, 'retire', {})).status).toBe(400)
    const response = await act('reviewer', 'tips', id, 'retire', { comment: 'Superseded by new guidance.' })
    expect(response.status).toBe(200)
    expect((await readerView('tips', id)).status).toBe(404)
    const list = await rest('anonymous', 'GET', `/tips?where[id][equals]=${id}`)
    expect(list.body.docs).toHaveLength(0)
    expect((await workflowStatus('tips', id)).history[0]).toMatchObject({ decision: 'retired', comment: 'Superseded by new guidance.' })
  })

  it('can bring retired content back only through a new approval', async () => {
    const id = await publishThroughWorkflow('tips', tipData())
    await act('reviewer', 'tips', id, 'retire', { comment: 'Withdrawn.' })
    await editDraft('editor', 'tips', id, { body: 'Revised after withdrawal.' })
    await approve('reviewer2', 'tips', id, await submit('editor', 'tips', id))
    expect((await readerView('tips', id)).body.body).toBe('Revised after withdrawal.')
  })
})

describe('articles and the shared content they show', () => {
  it('refuses to approve an article that shows an unapproved tip', async () => {
    const tipId = await createDraft('editor', 'tips', tipData())
    const id = await createDraft('editor', 'articles', { ...articleData(), tips: [Number(tipId)] })
    const versionId = await submit('editor', 'articles', id)
    const response = await act('reviewer', 'articles', id, 'approve', { versionId })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/is not approved yet/)
  })
})
