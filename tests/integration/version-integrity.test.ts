// Attacks found in review: rewriting a saved version in place, laundering someone's
// edits through restore or duplicate, retiring shared content silently, deleting evidence.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload } from '../support/payload'
import { act, approve, createDraft, editDraft, publishThroughWorkflow, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const versionTitle = async (versionId: string) =>
  (await sql(`select version_title from _tips_v where id = $1`, [versionId])).rows[0].version_title

describe('a saved version never changes', () => {
  it.each([['unpublishAllLocales=true'], ['publishAllLocales=true'], ['autosave=true'], ['publishSpecificLocale=en']])(
    'refuses a draft save with %s',
    async (flag) => {
      const id = await createDraft('editor', 'tips', tipData())
      const versionId = await submit('editor', 'tips', id)
      const before = await versionTitle(versionId)
      const single = await rest('editor', 'PATCH', `/tips/${id}?draft=true&${flag}`, { title: 'Swapped words' })
      expect(single.status).toBe(403)
      expect((await workflowStatus('tips', id)).state).toBe('in_review')
      // The bulk endpoint refuses the flag or ignores it and adds a new version; either way V stays V.
      await rest('editor', 'PATCH', `/tips?where[id][equals]=${id}&draft=true&${flag}`, { title: 'Swapped words' })
      expect(await versionTitle(versionId)).toBe(before)
    },
  )

  it('refuses rewriting a version row in SQL, but lets Payload move the latest flag', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const { latestVersionId } = await workflowStatus('tips', id)
    await expect(sql(`update _tips_v set version_title = 'Swapped' where id = $1`, [latestVersionId])).rejects.toThrow(/immutable/)
    await sql(`update _tips_v set latest = latest where id = $1`, [latestVersionId])
  })

  it('moves the latest flag without rewriting the older versions on each save', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    await editDraft('editor', 'tips', id, { body: 'Second words.' })
    // xmin is the transaction that wrote the row: it changes whenever PostgreSQL rewrites it.
    const rows = async () =>
      (await sql(`select id, xmin::text as writer, latest from _tips_v where parent_id = $1 order by id`, [id])).rows as {
        id: number
        writer: string
        latest: boolean
      }[]
    const [first] = await rows()
    await editDraft('editor', 'tips', id, { body: 'Third words.' })
    await editDraft('editor', 'tips', id, { body: 'Fourth words.' })
    const after = await rows()
    expect(after.map((row) => row.latest)).toEqual([false, false, false, true])
    expect(after[0]).toEqual(first)
  })
})

describe('four eyes follows the words, not the last click', () => {
  it('counts the original author of a restored version', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    await editDraft('reviewer', 'tips', id, { body: 'Words by the first reviewer.' })
    const reviewersVersion = (await workflowStatus('tips', id)).latestVersionId
    await approve('reviewer2', 'tips', id, await submit('editor', 'tips', id))
    await editDraft('editor', 'tips', id, { body: 'Words by the editor.' })
    await approve('reviewer2', 'tips', id, await submit('editor', 'tips', id))
    // The editor restores the first reviewer's words and submits them.
    expect((await rest('editor', 'POST', `/tips/versions/${reviewersVersion}?draft=true`)).status).toBe(200)
    const versionId = await submit('editor', 'tips', id)
    const response = await act('reviewer', 'tips', id, 'approve', { versionId })
    expect(response.status).toBe(403)
  })

  it('counts the authors of a duplicated document', async () => {
    const source = await createDraft('reviewer', 'tips', tipData())
    const copy = await rest('editor', 'POST', `/tips/${source}/duplicate`, {})
    expect(copy.status).toBe(200)
    const copyId = String(copy.body.doc.id)
    await editDraft('editor', 'tips', copyId, { slug: `copy-${copyId}` })
    const versionId = await submit('editor', 'tips', copyId)
    expect((await act('reviewer', 'tips', copyId, 'approve', { versionId })).status).toBe(403)
    expect((await act('reviewer2', 'tips', copyId, 'approve', { versionId })).status).toBe(200)
  })
})

describe('retiring shared content', () => {
  it('flags every live article that showed it', async () => {
    const tipId = await publishThroughWorkflow('tips', tipData())
    const articleId = await publishThroughWorkflow('articles', { ...articleData(), tips: [Number(tipId)] })
    expect((await act('reviewer', 'tips', tipId, 'retire', { comment: 'No longer advised.' })).status).toBe(200)
    const status = await workflowStatus('articles', articleId)
    expect(status.needsReReview).toBe(true)
    expect(status.reReviewReason).toMatch(/was retired/)
  })
})

describe('deleting', () => {
  it('refuses deleting anything with review records, even for an admin', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    await act('reviewer', 'tips', id, 'request-changes', { versionId, comment: 'Needs a source.' })
    const response = await rest('admin', 'DELETE', `/tips/${id}`)
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/retire it instead/)
    expect((await sql(`select count(*)::int as n from tips where id = $1`, [id])).rows[0].n).toBe(1)
  })
})
