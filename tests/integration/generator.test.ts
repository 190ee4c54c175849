// A small run of the benchmark generator, so it cannot rot: its data must verify
// exactly as the app's own (hashes, trail, workflow states).
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyPublished } from '@/review/views/verification'
import { generate, type GenerateReport } from '../../bench/generator'
import { ensureSeeded } from '../support/content'
import { rest, testPayload } from '../support/payload'
import { act, sql } from '../support/workflow'

let payload: Payload
let report: GenerateReport
let articleIds: string[]

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  const before = (await sql(`select coalesce(max(id), 0)::int as id from articles`)).rows[0].id
  report = await generate(payload, { articles: 50, versions: 3, seed: 7 })
  articleIds = (await sql(`select id::text from articles where id > $1 order by id`, [before])).rows.map((row) => row.id)
}, 120_000)

describe('the benchmark generator (50 articles x 3 versions)', () => {
  it('writes the articles, their versions and a review trail', () => {
    expect(articleIds).toHaveLength(50)
    expect(report.versions).toBeGreaterThanOrEqual(50 * 3)
    expect(report.reviews).toBeGreaterThanOrEqual(50)
  })

  it('writes live content whose hash matches its approval record, as the app would', async () => {
    const req = await createLocalReq({}, payload)
    const results = await Promise.all(articleIds.map((id) => verifyPublished(req, 'articles', id)))
    const live = results.filter((result) => result.verified || result.reason !== 'Nothing of this document is published.')
    expect(live.length).toBeGreaterThan(40)
    expect(live.filter((result) => !result.verified)).toEqual([])
  })

  it('serves generated articles through the reader API and leaves a believable queue', async () => {
    const { status, body } = await rest('anonymous', 'GET', `/articles/${articleIds[0]}?depth=1`)
    expect(status).toBe(200)
    expect(body.tips.length).toBeGreaterThanOrEqual(5)
    const states = (
      await sql(
        `select state, count(*)::int as n from workflow where document_id = any($1) and document_collection = 'articles' group by state`,
        [articleIds],
      )
    ).rows
    expect(states.find((s) => s.state === 'published')?.n).toBeGreaterThan(30)
  })

  it('flags exactly the newest version of each generated document as latest', async () => {
    const wrong = await sql(
      `select parent_id from _articles_v where parent_id = any($1::int[]) group by parent_id
       having count(*) filter (where latest) <> 1 or max(id) <> max(id) filter (where latest)`,
      [articleIds],
    )
    expect(wrong.rows).toEqual([])
  })

  it('leaves submissions the app can review and approve', async () => {
    const inReview = (
      await sql(
        `select document_id from workflow where document_id = any($1) and document_collection = 'articles' and state = 'in_review'`,
        [articleIds],
      )
    ).rows
    expect(inReview.length).toBeGreaterThan(0)
    const id = inReview[0].document_id as string
    const status = (await rest('reviewer2', 'GET', `/articles/${id}/workflow`)).body
    expect(status.submission.versionId).toBe(status.latestVersionId)
    expect(status.changes.fields.length).toBeGreaterThan(0)
    expect(status.verification.verified).toBe(true)
    const versionId = status.submission.versionId
    const reviewer = status.availableActions.includes('approve') ? 'reviewer2' : 'reviewer'
    const approved = await act(reviewer, 'articles', id, 'approve', { versionId, comment: 'Checked.' })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const submitted = await payload.findVersionByID({ collection: 'articles', id: versionId, overrideAccess: true })
    const live = await rest('anonymous', 'GET', `/articles/${id}?depth=0`)
    expect(live.body.summary).toBe(submitted.version.summary)
  })
})
