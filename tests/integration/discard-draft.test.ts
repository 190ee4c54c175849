// "Discard draft": an editor goes back to the approved content without publishing anything.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, editDraft, publishThroughWorkflow, readerView, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

describe('discarding a draft', () => {
  it('saves the approved content as a new draft by the editor, withdraws the submission, publishes nothing', async () => {
    const approvedBody = `Approved words ${unique('a')}`
    const id = await publishThroughWorkflow('tips', { ...tipData(), body: approvedBody })
    const liveBefore = await readerView('tips', id)
    await editDraft('editor', 'tips', id, { body: `Unwanted change ${unique('u')}` })
    await submit('editor', 'tips', id)
    expect((await workflowStatus('tips', id)).hasUnapprovedDraft).toBe(true)

    const discarded = await act('editor', 'tips', id, 'discard-draft')
    expect(discarded.status, JSON.stringify(discarded.body)).toBe(200)
    expect(discarded.body.discarded).toBe(true)

    const draft = await rest('editor', 'GET', `/tips/${id}?draft=true`)
    expect(draft.body.body).toBe(approvedBody)
    const status = await workflowStatus('tips', id)
    expect(status.state).toBe('draft')
    expect(status.submission).toBeNull()
    expect(status.hasUnapprovedDraft).toBe(false)
    expect(status.verification.verified).toBe(true)
    const liveAfter = await readerView('tips', id)
    expect(liveAfter.body.updatedAt).toBe(liveBefore.body.updatedAt)
    const [saver] = (
      await sql(
        `select u.email from revisions r join users u on u.id = r.author_id where r.document_collection = 'tips' and r.document_id = $1 and r.version_id = $2`,
        [id, status.latestVersionId],
      )
    ).rows
    expect(saver.email).toBe('editor@example.com')
  })

  it('does nothing when the draft already says what is live, and refuses what was never approved', async () => {
    const id = await publishThroughWorkflow('tips', tipData())
    const same = await act('editor', 'tips', id, 'discard-draft')
    expect(same.status).toBe(200)
    expect(same.body.discarded).toBe(false)

    const neverApproved = await createDraft('editor', 'tips', tipData())
    const refused = await act('editor', 'tips', neverApproved, 'discard-draft')
    expect(refused.status).toBe(409)
    expect((await act('anonymous', 'tips', id, 'discard-draft')).status).toBe(401)
  })
})
