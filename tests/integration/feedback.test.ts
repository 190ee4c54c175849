// Reader feedback: anyone may say whether a live page helped; no account, no personal data
// unless they choose; spam dropped without third parties; a rate limit per address shared by
// every instance; staff see it per article and in the queue, "something is wrong" first; a
// reviewer closes an item, naming the approval that answered it.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/(payload)/api/[...slug]/route'
import { reviewQueue } from '@/review/views/queue'
import { createLocalReq } from 'payload'
import { FEEDBACK_PER_WINDOW } from '@/workflow/feedback'
import { articleData, ensureSeeded } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, publishThroughWorkflow, readerView, sql, submit } from '../support/workflow'

let payload: Payload
let slug = ''
let articleId = ''
let addressCount = 0

/** Each test speaks from its own address, so the rate limit of one never touches another. */
const newAddress = () => `198.51.100.${++addressCount}`

const send = (body: unknown, address = newAddress()) => rest('anonymous', 'POST', '/feedback/send', body, { 'x-forwarded-for': address })

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  await sql(`delete from address_throttle`)
  articleId = await publishThroughWorkflow('articles', articleData(unique('feedback')))
  slug = (await readerView('articles', articleId)).body.slug
})

const storedFor = async (marker: string) => (await sql(`select * from feedback where comment like $1`, [`%${marker}%`])).rows

describe('sending feedback', () => {
  it('stores a reader’s answer about a live article, without an account', async () => {
    const marker = unique('missing dose')
    const response = await send({
      article: slug,
      helpful: false,
      problem: 'missing',
      comment: `It does not say the dose ${marker}`,
      secondsOnForm: 20,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body).toEqual({ received: true })
    const [row] = await storedFor(marker)
    expect(row).toMatchObject({
      article_id: Number(articleId),
      helpful: false,
      problem: 'missing',
      status: 'new',
      email: null,
      contact_consent: false,
    })
  })

  it('keeps an e-mail address only with consent to be contacted', async () => {
    const marker = unique('with email')
    expect((await send({ article: slug, helpful: false, comment: marker, email: 'reader@example.org' })).status).toBe(400)
    expect(await storedFor(marker)).toHaveLength(0)
    expect((await send({ article: slug, helpful: false, comment: marker, email: 'not an address', contactConsent: true })).status).toBe(400)
    expect((await send({ article: slug, helpful: false, comment: marker, email: 'reader@example.org', contactConsent: true })).status).toBe(
      201,
    )
    const [stored] = await storedFor(marker)
    expect(stored).toMatchObject({ email: 'reader@example.org', contact_consent: true })
    // Personal data: the reviewers who act on feedback see the address; editors do not.
    expect((await rest('reviewer', 'GET', `/feedback/${stored.id}`)).body.email).toBe('reader@example.org')
    const asEditor = await rest('editor', 'GET', `/feedback/${stored.id}`)
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.email).toBeUndefined()
    expect(JSON.stringify((await rest('editor', 'GET', '/feedback?limit=100')).body)).not.toContain('reader@example.org')
  })

  it('refuses bad input with a clear 400 or 404, storing nothing', async () => {
    const marker = unique('bad')
    const cases: [unknown, number][] = [
      [{ article: slug, comment: marker }, 400], // helpful missing
      [{ article: slug, helpful: 'maybe', comment: marker }, 400],
      [{ article: slug, helpful: false }, 400], // "no" with nothing said
      [{ article: slug, helpful: false, problem: 'boring', comment: marker }, 400],
      [{ article: slug, helpful: false, comment: `${marker} ${'x'.repeat(2001)}` }, 400],
      [{ article: slug, helpful: false, comment: { text: marker } }, 400],
      [{ article: '../admin', helpful: false, comment: marker }, 400],
      [{ article: 'no-such-article-here', helpful: false, comment: marker }, 404],
      ['[1, 2]', 400],
      ['{"article": ', 400],
      [{ article: slug, helpful: false, comment: `${marker} ${'y'.repeat(17_000)}` }, 413],
    ]
    for (const [body, status] of cases) expect((await send(body)).status, JSON.stringify(body)).toBe(status)
    expect(await storedFor(marker)).toHaveLength(0)
  })

  it('is refused for an article readers cannot see (a draft)', async () => {
    const draft = await createDraft('editor', 'articles', articleData(unique('draft only')))
    const draftSlug = (await rest('editor', 'GET', `/articles/${draft}?draft=true`)).body.slug
    expect((await send({ article: draftSlug, helpful: false, comment: unique('on a draft') })).status).toBe(404)
  })
})

describe('spam', () => {
  it('is answered like success and never stored: the hidden field filled, or sent faster than anyone reads', async () => {
    const robot = unique('robot')
    expect((await send({ article: slug, helpful: false, comment: robot, website: 'http://spam.example' })).status).toBe(201)
    expect((await send({ article: slug, helpful: false, comment: robot, secondsOnForm: 0.3 })).status).toBe(201)
    expect(await storedFor(robot)).toHaveLength(0)
  })

  it('refuses comments full of links', async () => {
    const marker = unique('links')
    const response = await send({ article: slug, helpful: false, comment: `${marker} http://a.example http://b.example www.c.example` })
    expect(response.status).toBe(400)
    expect(await storedFor(marker)).toHaveLength(0)
  })

  it('is rate limited per address (429 with Retry-After), and one address does not limit another', async () => {
    const address = newAddress()
    for (let i = 0; i < FEEDBACK_PER_WINDOW; i++) {
      expect((await send({ article: slug, helpful: true }, address)).status).toBe(201)
    }
    const request = new Request('http://localhost:3000/api/feedback/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ article: slug, helpful: false, comment: unique('one too many') }),
    })
    const limited = await POST(request, { params: Promise.resolve({ slug: ['feedback', 'send'] }) })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Robots count too, so a flood of spam is limited like anything else.
    expect((await send({ article: slug, helpful: false, comment: 'x', website: 'filled' }, address)).status).toBe(429)
    expect((await send({ article: slug, helpful: true }, newAddress())).status).toBe(201)
    // The address is kept only as a keyed hash.
    const keys = (await sql(`select source_key from address_throttle`)).rows.map((row) => row.source_key as string)
    expect(keys.some((key) => key.includes(address))).toBe(false)
  })
})

describe('the plain HTML form (no JavaScript)', () => {
  const postForm = (fields: Record<string, string>) =>
    POST(
      new Request('http://localhost:3000/api/feedback/send', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newAddress() },
        body: new URLSearchParams(fields).toString(),
      }),
      { params: Promise.resolve({ slug: ['feedback', 'send'] }) },
    )

  it('lands on a thank-you page, or on one that says what to fix', async () => {
    const marker = unique('form')
    const sent = await postForm({ article: slug, helpful: 'no', problem: 'wrong', comment: marker })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe(`/feedback/sent?article=${slug}`)
    expect(await storedFor(marker)).toHaveLength(1)
    // A refusal lands on the page with a code, which the page turns into the site's own words.
    const refused = await postForm({ article: slug, helpful: 'no' })
    expect(refused.status).toBe(303)
    expect(new URL(refused.headers.get('location')!, 'http://x').searchParams.get('problem')).toBe('invalid')
    const tooLarge = await postForm({ article: slug, helpful: 'no', comment: 'x'.repeat(20_000) })
    expect(new URL(tooLarge.headers.get('location')!, 'http://x').searchParams.get('problem')).toBe('too-large')
  })
})

describe('staff', () => {
  it('see it in the queue, wrong first, and per article; markup stays text; readers never see it', async () => {
    const markup = `<img src=x onerror=alert(1)> ${unique('markup')}`
    expect((await send({ article: slug, helpful: false, problem: 'unclear', comment: unique('unclear') })).status).toBe(201)
    expect((await send({ article: slug, helpful: false, problem: 'wrong', comment: markup })).status).toBe(201)
    const queue = await reviewQueue(await createLocalReq({}, payload))
    expect(queue.readerFeedback[0]).toMatchObject({ problem: 'wrong', comment: markup, articleId: Number(articleId) })
    expect(queue.totals.readerFeedback).toBeGreaterThanOrEqual(2)
    // The REST queue carries it as JSON text, exactly as sent.
    const rested = (await rest('reviewer', 'GET', '/review-queue')).body
    expect(rested.readerFeedback.some((item: { comment: string }) => item.comment === markup)).toBe(true)
    const panel = (await rest('reviewer', 'GET', `/articles/${articleId}/checks`)).body
    expect(panel.feedback.items[0]).toMatchObject({ problem: 'wrong', comment: markup })
    expect(panel.feedback.notHelpful).toBeGreaterThanOrEqual(2)
    for (const person of ['anonymous'] as const) {
      expect((await rest(person, 'GET', '/feedback')).status).toBe(403)
      expect((await rest(person, 'GET', `/articles/${articleId}/checks`)).status).toBe(401)
    }
    expect(JSON.stringify((await readerView('articles', articleId)).body)).not.toContain('onerror')
    // Nobody writes feedback through the collection's own API, not even an admin.
    expect(
      (await rest('admin', 'POST', '/feedback', { article: Number(articleId), helpful: true, submittedAt: new Date().toISOString() }))
        .status,
    ).toBe(403)
  })

  it('a reviewer marks an item acted on, linking the approval that answered it; editors and readers cannot', async () => {
    const marker = unique('acted')
    await send({ article: slug, helpful: false, problem: 'wrong', comment: marker })
    const [item] = await storedFor(marker)
    expect((await rest('editor', 'POST', `/feedback/${item.id}/act`, { status: 'acted_on' })).status).toBe(403)
    expect((await rest('anonymous', 'POST', `/feedback/${item.id}/act`, { status: 'acted_on' })).status).toBe(401)
    expect((await rest('reviewer', 'POST', `/feedback/${item.id}/act`, { status: 'new' })).status).toBe(400)
    expect((await rest('reviewer', 'POST', `/feedback/999999/act`, { status: 'dismissed' })).status).toBe(404)

    // The correction that answers it.
    await rest('editor', 'PATCH', `/articles/${articleId}?draft=true`, { summary: unique('Corrected summary') })
    const approved = await act('reviewer', 'articles', articleId, 'approve', {
      versionId: await submit('editor', 'articles', articleId),
      correction: true,
      changeNote: 'The summary named the wrong dose.',
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    // An approval of another document does not answer it.
    const otherTip = await publishThroughWorkflow('tips', { title: unique('Tip'), body: 'Rest.', category: 'rest', stage: 'any' })
    const otherReview = (await rest('reviewer', 'GET', `/reviews?where[documentId][equals]=${otherTip}&depth=0`)).body.docs[0].id
    expect((await rest('reviewer', 'POST', `/feedback/${item.id}/act`, { status: 'acted_on', answeredBy: otherReview })).status).toBe(400)

    const closed = await rest('reviewer', 'POST', `/feedback/${item.id}/act`, {
      status: 'acted_on',
      answeredBy: approved.body.reviewId,
      note: 'Corrected.',
    })
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    const [row] = await storedFor(marker)
    expect(row).toMatchObject({ status: 'acted_on', answered_by_id: approved.body.reviewId, staff_note: 'Corrected.' })
    expect(row.acted_on_by_id).not.toBeNull()
    const queue = await reviewQueue(await createLocalReq({}, payload))
    expect(queue.readerFeedback.some((entry) => entry.id === item.id)).toBe(false)
  })
})
