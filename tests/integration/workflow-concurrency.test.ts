// Rule: check-and-publish is atomic. Two approvals at once: exactly one wins. A save
// racing an approval: the reviewed version is published or the approval is refused.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, editDraft, publishThroughWorkflow, readerView, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

describe('concurrency', () => {
  it('lets exactly one of two simultaneous approvals through', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createDraft('editor', 'tips', tipData())
      const versionId = await submit('editor', 'tips', id)
      const results = await Promise.all([
        act('reviewer', 'tips', id, 'approve', { versionId }),
        act('reviewer2', 'tips', id, 'approve', { versionId }),
      ])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      const records = await sql(
        `select count(*)::int as n from reviews where document_collection = 'tips' and document_id = $1 and decision = 'approved'`,
        [id],
      )
      expect(records.rows[0].n).toBe(1)
    }
  })

  it('never publishes a mix when a save races an approval', async () => {
    for (let round = 0; round < 3; round++) {
      const reviewed = `Reviewed words ${unique('r')}`
      const racing = `Racing words ${unique('x')}`
      const id = await createDraft('editor', 'tips', { ...tipData(), body: reviewed })
      const versionId = await submit('editor', 'tips', id)
      const [approval, save] = await Promise.all([
        act('reviewer', 'tips', id, 'approve', { versionId }),
        rest('editor', 'PATCH', `/tips/${id}?draft=true`, { body: racing }),
      ])
      expect(save.status).toBe(200)
      const live = await readerView('tips', id)
      if (approval.status === 200) {
        expect(live.body.body).toBe(reviewed)
        expect((await workflowStatus('tips', id)).verification.verified).toBe(true)
      } else {
        expect(approval.status).toBe(409)
        expect(live.status).toBe(404)
      }
      expect(live.body.body ?? null).not.toBe(racing)
    }
  })

  // The approval's published copy must never bury the racing edit.
  it('keeps the racing edit as the pending draft', async () => {
    for (let round = 0; round < 3; round++) {
      const racing = `Racing words ${unique('x')}`
      const id = await createDraft('editor', 'tips', tipData())
      const versionId = await submit('editor', 'tips', id)
      await Promise.all([
        act('reviewer', 'tips', id, 'approve', { versionId }),
        rest('editor', 'PATCH', `/tips/${id}?draft=true`, { body: racing }),
      ])
      const pending = await rest('editor', 'GET', `/tips/${id}?draft=true`)
      expect(pending.body.body).toBe(racing)
    }
  })

  // A bulk save (PATCH with a `where`) takes the row lock of every document it touches, as a
  // save by id does: racing an approval, the edit is the one pending draft, recorded once.
  it('keeps a bulk draft save racing an approval whole: one latest version, one revision per save', async () => {
    for (let round = 0; round < 6; round++) {
      const racing = `Bulk words ${unique('b')}`
      const id = await createDraft('editor', 'tips', tipData())
      const versionId = await submit('editor', 'tips', id)
      const [approval, bulk] = await Promise.all([
        act('reviewer', 'tips', id, 'approve', { versionId }),
        rest('editor', 'PATCH', `/tips?where[id][equals]=${id}&draft=true`, { body: racing }),
      ])
      expect([200, 409]).toContain(approval.status)
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
      expect(bulk.body.errors).toEqual([])
      const versions = await sql(`select id, latest, version_body as body from _tips_v where parent_id = $1 order by id`, [id])
      expect(
        versions.rows.filter((v) => v.latest),
        JSON.stringify(versions.rows),
      ).toHaveLength(1)
      const edits = versions.rows.filter((v) => v.body === racing)
      expect(edits).toHaveLength(1)
      expect(edits[0].latest).toBe(true)
      const revisions = await sql(`select version_id from revisions where document_collection = 'tips' and document_id = $1`, [id])
      expect(revisions.rows.map((r) => r.version_id).sort()).toEqual([versionId, String(edits[0].id)].sort())
      expect((await rest('editor', 'GET', `/tips/${id}?draft=true`)).body.body).toBe(racing)
    }
  })

  // The save locks the article and, through its foreign keys, the tip (KEY SHARE); the tip's
  // approval locks the tip and then the live articles showing it. Neither may deadlock.
  it('saves an article naming a tip while that tip is approved, both succeeding', async () => {
    for (let round = 0; round < 5; round++) {
      const tipId = await publishThroughWorkflow('tips', tipData())
      const articleId = await publishThroughWorkflow('articles', { ...articleData(), tips: [Number(tipId)] })
      await editDraft('editor', 'tips', tipId, { body: `New tip words ${unique('t')}` })
      const versionId = await submit('editor', 'tips', tipId)
      const [save, approval] = await Promise.all([
        rest('editor', 'PATCH', `/articles/${articleId}?draft=true`, { summary: `Racing summary ${unique('s')}`, tips: [Number(tipId)] }),
        act('reviewer', 'tips', tipId, 'approve', { versionId }),
      ])
      expect(save.status, JSON.stringify(save.body)).toBe(200)
      expect(approval.status, JSON.stringify(approval.body)).toBe(200)
    }
  })
})
