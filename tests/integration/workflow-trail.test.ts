// Rule: review records (and the authorship record) are append-only for everyone,
// refused by access control and by the database itself.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureSeeded, tipData } from '../support/content'
import { graphqlQuery, rest, testPayload } from '../support/payload'
import { publishThroughWorkflow, sql } from '../support/workflow'

let payload: Payload
let reviewId: number
let revisionId: number

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  const tipId = await publishThroughWorkflow('tips', tipData())
  reviewId = (await sql(`select id from reviews where document_collection = 'tips' and document_id = $1`, [tipId])).rows[0].id
  revisionId = (await sql(`select id from revisions where document_id = $1 limit 1`, [tipId])).rows[0].id
})

const review = async () => (await sql(`select * from reviews where id = $1`, [reviewId])).rows[0]

describe('through the API', () => {
  it.each(['admin', 'reviewer', 'editor'] as const)('refuses a %s forging a review record', async (person) => {
    const response = await rest(person, 'POST', '/reviews', {
      documentCollection: 'tips',
      documentId: '1',
      versionId: '1',
      contentHash: 'forged',
      decision: 'approved',
      reviewer: 1,
      reviewerName: 'Forger',
      decidedAt: new Date().toISOString(),
    })
    expect(response.status).toBe(403)
    expect((await sql(`select count(*)::int as n from reviews where content_hash = 'forged'`)).rows[0].n).toBe(0)
  })

  it.each(['admin', 'reviewer'] as const)('refuses a %s editing or deleting a review record', async (person) => {
    const before = await review()
    expect((await rest(person, 'PATCH', `/reviews/${reviewId}`, { comment: 'rewritten', decision: 'changes_requested' })).status).toBe(403)
    expect((await rest(person, 'DELETE', `/reviews/${reviewId}`)).status).toBe(403)
    expect(await review()).toEqual(before)
  })

  it('refuses GraphQL mutations of the trail', async () => {
    const { body } = await graphqlQuery('admin', `mutation { deleteReview(id: ${reviewId}) { id } }`)
    expect(body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await review()).toBeDefined()
  })

  it('refuses editing the authorship record', async () => {
    expect((await rest('admin', 'PATCH', `/revisions/${revisionId}`, { author: null })).status).toBe(403)
    expect((await rest('admin', 'DELETE', `/revisions/${revisionId}`)).status).toBe(403)
  })
})

describe('in the database itself', () => {
  it.each(['reviews', 'revisions'])('refuses UPDATE, DELETE and TRUNCATE on %s, even in SQL', async (table) => {
    const id = table === 'reviews' ? reviewId : revisionId
    await expect(sql(`update ${table} set updated_at = now() where id = $1`, [id])).rejects.toThrow(/append-only/)
    await expect(sql(`delete from ${table} where id = $1`, [id])).rejects.toThrow(/append-only/)
    await expect(sql(`truncate ${table} cascade`)).rejects.toThrow(/append-only/)
    expect((await sql(`select count(*)::int as n from ${table} where id = $1`, [id])).rows[0].n).toBe(1)
  })

  it('refuses the Local API even with overrideAccess', async () => {
    await expect(
      payload.update({ collection: 'reviews', id: reviewId, data: { comment: 'rewritten' }, overrideAccess: true }),
    ).rejects.toThrow()
    expect((await review()).comment).not.toBe('rewritten')
  })

  it('keeps a reviewer in the trail from being deleted', async () => {
    const reviewer = (await sql(`select reviewer_id from reviews where id = $1`, [reviewId])).rows[0].reviewer_id
    const response = await rest('admin', 'DELETE', `/users/${reviewer}`)
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/review trail/)
  })
})
