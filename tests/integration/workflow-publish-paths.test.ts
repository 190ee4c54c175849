// Rule: only an approval publishes. Every other way to publish, unpublish or put
// new words into the live document is attacked here, by editors and admins alike.
import type { Payload } from 'payload'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureSeeded, tipData } from '../support/content'
import { graphqlQuery, rest, testPayload, unique } from '../support/payload'
import { act, createDraft, editDraft, publishThroughWorkflow, readerView, sql, submit } from '../support/workflow'

let payload: Payload
let tipId: string
let liveTitle: string

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

beforeEach(async () => {
  const data = tipData()
  liveTitle = data.title
  tipId = await publishThroughWorkflow('tips', data)
  // A pending draft, so Payload's "copy the draft into the live row" trap is armed.
  await editDraft('editor', 'tips', tipId, { title: `Pending ${unique('edit')}` })
})

async function expectLiveUnchanged() {
  const { status, body } = await readerView('tips', tipId)
  expect(status).toBe(200)
  expect(body._status).toBe('published')
  expect(body.title).toBe(liveTitle)
}

const publishedCount = async () => (await sql(`select count(*)::int as n from tips where _status = 'published'`)).rows[0].n

describe('REST', () => {
  it.each(['editor', 'reviewer', 'admin'] as const)('refuses a %s creating published content', async (person) => {
    const before = await publishedCount()
    for (const query of ['', '?draft=true']) {
      const response = await rest(person, 'POST', `/tips${query}`, { ...tipData(), _status: 'published' })
      expect(response.status).toBe(403)
      expect(response.body.errors[0].message).toMatch(/Only a medical reviewer's approval publishes/)
    }
    expect(await publishedCount()).toBe(before)
  })

  it.each(['editor', 'reviewer', 'admin'] as const)('refuses a %s setting _status: published on an update', async (person) => {
    for (const query of ['', '?draft=true', '?draft=false']) {
      const response = await rest(person, 'PATCH', `/tips/${tipId}${query}`, { title: 'Unreviewed words', _status: 'published' })
      expect(response.status).toBe(403)
    }
    await expectLiveUnchanged()
  })

  it('refuses a non-draft update that would write straight into the live document', async () => {
    for (const query of ['', '?draft=false']) {
      const response = await rest('admin', 'PATCH', `/tips/${tipId}${query}`, { title: 'Unreviewed words' })
      expect(response.status).toBe(403)
    }
    await expectLiveUnchanged()
  })

  it('refuses unpublishing outside the workflow', async () => {
    const response = await rest('reviewer', 'PATCH', `/tips/${tipId}`, { _status: 'draft' })
    expect(response.status).toBe(403)
    await expectLiveUnchanged()
  })

  it('refuses bulk publishing from the list view', async () => {
    const response = await rest('admin', 'PATCH', `/tips?where[id][equals]=${tipId}`, { _status: 'published', title: 'Bulk words' })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    await expectLiveUnchanged()
  })

  it('refuses restoring an old version into the live document', async () => {
    const [oldest] = (await payload.findVersions({ collection: 'tips', where: { parent: { equals: tipId } }, sort: 'createdAt', limit: 1 }))
      .docs
    const response = await rest('admin', 'POST', `/tips/versions/${oldest!.id}`)
    expect(response.status).toBe(403)
    await expectLiveUnchanged()
  })

  it('lets a restore become a new draft, which leaves the live document alone', async () => {
    const [oldest] = (await payload.findVersions({ collection: 'tips', where: { parent: { equals: tipId } }, sort: 'createdAt', limit: 1 }))
      .docs
    const response = await rest('editor', 'POST', `/tips/versions/${oldest!.id}?draft=true`)
    expect(response.status).toBe(200)
    await expectLiveUnchanged()
  })

  it('duplicates only into an unpublished draft', async () => {
    const before = await publishedCount()
    const response = await rest('admin', 'POST', `/tips/${tipId}/duplicate`, {})
    expect(response.status).toBe(200)
    expect(response.body.doc._status).toBe('draft')
    expect(await publishedCount()).toBe(before)
    expect((await readerView('tips', String(response.body.doc.id))).status).toBe(404)
  })

  it('refuses duplicating straight into a published copy', async () => {
    const before = await publishedCount()
    const response = await rest('admin', 'POST', `/tips/${tipId}/duplicate?draft=false`, { _status: 'published' })
    expect(response.status).toBe(403)
    expect(await publishedCount()).toBe(before)
  })
})

describe('GraphQL', () => {
  it('refuses publishing through a mutation', async () => {
    const update = await graphqlQuery(
      'admin',
      `mutation { updateTip(id: ${tipId}, data: { title: "GraphQL words", _status: published }) { id } }`,
    )
    expect(update.body.errors?.[0]?.message).toMatch(/approval publishes/)
    const nonDraft = await graphqlQuery(
      'admin',
      `mutation { updateTip(id: ${tipId}, draft: false, data: { title: "GraphQL words" }) { id } }`,
    )
    expect(nonDraft.body.errors?.[0]?.message).toMatch(/approval publishes/)
    await expectLiveUnchanged()
  })

  it('refuses creating published content', async () => {
    const before = await publishedCount()
    const created = await graphqlQuery(
      'editor',
      `mutation { createTip(data: { title: "GraphQL tip", slug: "${unique('gql')}", body: "x", category: rest, stage: any, _status: published }) { id } }`,
    )
    expect(created.body.errors?.[0]?.message).toMatch(/approval publishes/)
    expect(await publishedCount()).toBe(before)
  })
})

describe('Local API', () => {
  it('refuses publishing on behalf of a user, even with overrideAccess', async () => {
    const [admin] = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.com' } } })).docs
    for (const overrideAccess of [false, true]) {
      await expect(
        payload.update({
          collection: 'tips',
          id: tipId,
          data: { _status: 'published', title: 'Local words' },
          user: admin,
          overrideAccess,
        }),
      ).rejects.toThrow(/approval publishes/)
      await expect(
        payload.update({ collection: 'tips', id: tipId, data: { title: 'Local words' }, user: admin, overrideAccess }),
      ).rejects.toThrow(/approval publishes/)
    }
    await expectLiveUnchanged()
  })
})

describe("Payload's draft-copy trap (#13267)", () => {
  it('keeps the live page published through submit and request changes', async () => {
    const versionId = await submit('editor', 'tips', tipId)
    await expectLiveUnchanged()
    const response = await act('reviewer', 'tips', tipId, 'request-changes', { versionId, comment: 'Please cite a source.' })
    expect(response.status).toBe(200)
    await expectLiveUnchanged()
    await submit('editor', 'tips', tipId)
    await expectLiveUnchanged()
  })

  it('never shows the pending draft to readers', async () => {
    const { body } = await rest('anonymous', 'GET', `/tips/${tipId}?draft=true`)
    expect(body.title).toBe(liveTitle)
  })
})

describe('deleting', () => {
  it('refuses deleting approved content, even for an admin', async () => {
    const response = await rest('admin', 'DELETE', `/tips/${tipId}`)
    expect(response.status).toBe(409)
    await expectLiveUnchanged()
  })

  it('lets an admin delete a draft that was never approved', async () => {
    const id = await createDraft('editor', 'tips', tipData())
    expect((await rest('admin', 'DELETE', `/tips/${id}`)).status).toBe(200)
    expect((await rest('editor', 'DELETE', `/tips/${await createDraft('editor', 'tips', tipData())}`)).status).toBe(403)
  })
})
