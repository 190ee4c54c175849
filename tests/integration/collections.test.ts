import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { slugify } from '@/lib/slugify'
import { rest, testPayload, unique } from '../support/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const messages = (body: any): string => JSON.stringify(body?.errors ?? body)

describe('content validation through REST', () => {
  it('refuses an article without a title with a 400 naming the field, and stores nothing', async () => {
    const before = await payload.count({ collection: 'articles' })
    const { title: _omitted, ...data } = articleData()
    const response = await rest('editor', 'POST', '/articles?draft=true', data)
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/title/i)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses a warning with an unknown severity', async () => {
    const response = await rest('editor', 'POST', '/warnings?draft=true', warningData(unique('w'), 'mild'))
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/severity/i)
  })

  it('requires a severity on every warning', async () => {
    const { severity: _omitted, ...data } = warningData()
    const response = await rest('editor', 'POST', '/warnings?draft=true', data)
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/severity/i)
  })

  it('refuses a duplicate slug with a 400', async () => {
    const first = await rest('editor', 'POST', '/tips?draft=true', tipData())
    expect(first.status).toBe(201)
    const response = await rest('editor', 'POST', '/tips?draft=true', { ...tipData(), slug: first.body.doc.slug })
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/slug/i)
  })

  it('refuses a slug that is not URL-safe', async () => {
    const response = await rest('editor', 'POST', '/tips?draft=true', { ...tipData(), slug: 'Not a slug!' })
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/lowercase/i)
  })

  it('makes the slug from the title when it is missing', async () => {
    const marker = unique('Slug From Title')
    const response = await rest('editor', 'POST', '/articles?draft=true', articleData(marker))
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe(slugify(`Test article ${marker}`))
    expect(response.body.doc.slug).toMatch(/^test-article-slug-from-title-/)
  })

  it('keeps every version of a document (no pruning)', async () => {
    const created = await rest('editor', 'POST', '/tips?draft=true', tipData())
    for (let i = 0; i < 3; i++) {
      await rest('editor', 'PATCH', `/tips/${created.body.doc.id}?draft=true`, { body: `revision ${i}` })
    }
    const versions = await payload.findVersions({ collection: 'tips', where: { parent: { equals: created.body.doc.id } } })
    expect(versions.totalDocs).toBe(4)
  })
})

describe('review metadata', () => {
  it('ignores attempts by staff to write the sign-off fields', async () => {
    const created = await rest('reviewer', 'POST', '/tips?draft=true', {
      ...tipData(),
      review: { lastReviewedAt: '2020-01-01T00:00:00.000Z', contentHash: 'forged' },
    })
    expect(created.status).toBe(201)
    const stored = await payload.findByID({ collection: 'tips', id: created.body.doc.id, draft: true })
    expect(stored.review?.contentHash ?? null).toBeNull()
    expect(stored.review?.lastReviewedAt ?? null).toBeNull()
  })
})
