// Full clinical review or minor change (the NHS "page last reviewed" rule), and review
// intervals that admins change in the admin: through the REST API, as people use it.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, approve, createDraft, editDraft, readerView, submit } from '../support/workflow'
import { readArticle } from '@/site/published-content'
import { medicalWebPage } from '@/site/structured-data'
import { addMonths } from '@/workflow/due-dates'

let payload: Payload
let savedIntervals: Record<string, number> = {}

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  const global = await payload.findGlobal({ slug: 'review-policy' })
  savedIntervals = { ...(global.reviewIntervals as Record<string, number>) }
})

afterAll(async () => {
  await payload.updateGlobal({ slug: 'review-policy', data: { reviewIntervals: savedIntervals } })
})

const live = async (id: string) => (await readerView('tips', id)).body.review

describe('full review or minor change', () => {
  it('refuses a minor change as the first sign-off, and an unknown kind', async () => {
    const id = await createDraft('editor', 'tips', tipData(unique('kind-first')))
    const versionId = await submit('editor', 'tips', id)
    const minor = await act('reviewer', 'tips', id, 'approve', { versionId, reviewKind: 'minor' })
    expect(minor.status).toBe(409)
    expect(minor.body.errors[0].message).toMatch(/never had a full clinical review/)
    const bad = await act('reviewer', 'tips', id, 'approve', { versionId, reviewKind: 'quick' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/"reviewKind" is "full"/)
    expect((await readerView('tips', id)).status).toBe(404)
  })

  it('moves "last reviewed" and the due date only on a full review; every approval dates the change', async () => {
    const id = await createDraft('editor', 'tips', tipData(unique('kind-minor')))
    await approve('reviewer', 'tips', id, await submit('editor', 'tips', id))
    const first = await live(id)
    expect(first.reviewKind).toBe('full')
    expect(first.approvedAt).toBe(first.lastReviewedAt)

    await editDraft('editor', 'tips', id, { body: `A typo fixed ${unique('x')}` })
    const versionId = await submit('editor', 'tips', id)
    const minor = await act('reviewer2', 'tips', id, 'approve', { versionId, reviewKind: 'minor' })
    expect(minor.status, JSON.stringify(minor.body)).toBe(200)
    const second = await live(id)
    expect(second.reviewKind).toBe('minor')
    expect(second.lastReviewedAt).toBe(first.lastReviewedAt)
    expect(second.nextReviewDue).toBe(first.nextReviewDue)
    expect(new Date(second.approvedAt).getTime()).toBeGreaterThan(new Date(first.approvedAt).getTime())
    const record = await payload.findByID({ collection: 'reviews', id: minor.body.reviewId })
    expect(record.reviewKind).toBe('minor')

    await editDraft('editor', 'tips', id, { body: `Reviewed in full ${unique('x')}` })
    await approve('reviewer', 'tips', id, await submit('editor', 'tips', id))
    const third = await live(id)
    expect(third.reviewKind).toBe('full')
    expect(new Date(third.lastReviewedAt).getTime()).toBeGreaterThan(new Date(first.lastReviewedAt).getTime())
    expect(third.nextReviewDue).not.toBe(first.nextReviewDue)

    // Retired, it comes back only through a full review.
    expect((await act('reviewer', 'tips', id, 'retire', { comment: 'Withdrawn for now.' })).status).toBe(200)
    await editDraft('editor', 'tips', id, { body: `Back again ${unique('x')}` })
    const back = await submit('editor', 'tips', id)
    const refused = await act('reviewer2', 'tips', id, 'approve', { versionId: back, reviewKind: 'minor' })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/coming back after retirement/)
  })

  it('tells readers: JSON-LD dateModified follows the approval, lastReviewed the last full review', async () => {
    const marker = unique('kind-page')
    const data = articleData(marker)
    const id = await createDraft('editor', 'articles', data)
    await approve('reviewer', 'articles', id, await submit('editor', 'articles', id))
    await editDraft('editor', 'articles', id, { summary: `Summary ${marker}, with a fixed link` })
    const versionId = await submit('editor', 'articles', id)
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId, reviewKind: 'minor' })).status).toBe(200)
    const doc = await payload.findByID({ collection: 'articles', id, draft: false })
    const article = await readArticle(doc.slug!)
    expect(article?.signOff).toMatchObject({ kind: 'minor', reviewedAt: doc.review!.lastReviewedAt, approvedAt: doc.review!.approvedAt })
    const jsonLd = medicalWebPage(article!, 'https://example.test')
    expect(jsonLd.dateModified).toBe(doc.review!.approvedAt)
    expect(jsonLd.lastReviewed).toBe(doc.review!.lastReviewedAt!.slice(0, 10))
    expect(jsonLd.dateModified).not.toBe(doc.review!.lastReviewedAt)
  })
})

describe('review intervals, set by admins', () => {
  it('re-dates the next review of live content already reviewed, records the change, and refuses non-admins and bad values', async () => {
    const id = await createDraft('editor', 'tips', tipData(unique('interval')))
    await approve('reviewer', 'tips', id, await submit('editor', 'tips', id))
    const before = await live(id)
    const refused = await rest('reviewer', 'POST', '/globals/review-policy', { reviewIntervals: { tips: 3 } })
    expect(refused.status).toBe(403)
    const invalid = await rest('admin', 'POST', '/globals/review-policy', { reviewIntervals: { tips: 0 } })
    expect(invalid.status).toBe(400)
    expect((await live(id)).nextReviewDue).toBe(before.nextReviewDue)

    const changed = await rest('admin', 'POST', '/globals/review-policy', { reviewIntervals: { ...savedIntervals, tips: 3 } })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    const after = await live(id)
    // Month ends clamp, as at an approval: 29 November + 3 months is 28 February.
    expect(new Date(after.nextReviewDue).toISOString()).toBe(addMonths(new Date(before.lastReviewedAt), 3).toISOString())
    expect(after.lastReviewedAt).toBe(before.lastReviewedAt)
    const { docs } = await payload.find({ collection: 'audit-log', where: { event: { equals: 'policy_changed' } }, sort: '-at', limit: 1 })
    expect(docs[0]?.summary).toMatch(/review intervals changed/)
    expect((docs[0]?.after as { reviewIntervals: Record<string, number> }).reviewIntervals.tips).toBe(3)

    // The next full review uses the new interval.
    await editDraft('editor', 'tips', id, { body: `Again ${unique('x')}` })
    await approve('reviewer2', 'tips', id, await submit('editor', 'tips', id))
    const next = await live(id)
    expect(new Date(next.nextReviewDue).toISOString()).toBe(addMonths(new Date(next.lastReviewedAt), 3).toISOString())
  })
})
