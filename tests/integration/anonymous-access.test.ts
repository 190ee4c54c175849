// The access baseline, attacked from outside: an anonymous reader must never get
// a draft, a version, a review record or a user, through REST, GraphQL or the
// frontend's Local API reads.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  readArticle as findPublishedArticle,
  readRecentlyReviewed,
  readSitemapEntries,
  readTopicPage,
  readTopics,
} from '@/site/published-content'
import { topicSlug } from '@/workflow/topics'
import { articleData, ensureSeeded } from '../support/content'
import { graphqlQuery, rest, testPayload, unique } from '../support/payload'
import { publishThroughWorkflow } from '../support/workflow'

let payload: Payload
const marker = unique('SECRET-DRAFT')
const pendingMarker = unique('SECRET-PENDING')
let draftId: number
let publishedId: number
let publishedSlug: string

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  // Its topic exists only in drafts: no topic list may name it.
  const draft = await payload.create({ collection: 'articles', data: { ...articleData(marker), topic: marker } as never, draft: true })
  draftId = draft.id
  publishedId = Number(await publishThroughWorkflow('articles', articleData()))
  publishedSlug = (await payload.findByID({ collection: 'articles', id: publishedId })).slug
  // A pending edit of a published article: lives in versions only.
  await payload.update({
    collection: 'articles',
    id: publishedId,
    data: { summary: `Pending ${pendingMarker}`, topic: pendingMarker },
    draft: true,
  })
})

const leaks = (body: unknown) => {
  const text = JSON.stringify(body)
  return text.includes(marker) || text.includes(pendingMarker)
}

describe('anonymous REST', () => {
  it('lists only published articles', async () => {
    const { status, body } = await rest('anonymous', 'GET', '/articles?limit=100&depth=0&sort=-updatedAt')
    expect(status).toBe(200)
    expect(body.docs.length).toBeGreaterThan(0)
    expect(body.docs.every((doc: any) => doc._status === 'published')).toBe(true)
    expect(leaks(body)).toBe(false)
  })

  it('cannot ask for drafts with ?draft=true', async () => {
    for (const path of ['/articles?draft=true&limit=100&sort=-updatedAt', `/articles/${publishedId}?draft=true`]) {
      const { body } = await rest('anonymous', 'GET', path)
      expect(leaks(body)).toBe(false)
    }
    const published = await rest('anonymous', 'GET', `/articles/${publishedId}?draft=true`)
    expect(published.body.summary).not.toContain('Pending')
  })

  it('cannot read a never-published article by id', async () => {
    const { status, body } = await rest('anonymous', 'GET', `/articles/${draftId}`)
    expect(status).toBe(404)
    expect(leaks(body)).toBe(false)
  })

  it('cannot find a draft by filtering on its contents', async () => {
    const { body } = await rest('anonymous', 'GET', `/articles?where[summary][like]=${marker}&draft=true`)
    expect(body.docs).toHaveLength(0)
  })

  it.each(['articles', 'tips', 'warnings'])('cannot read %s versions', async (collection) => {
    const list = await rest('anonymous', 'GET', `/${collection}/versions?limit=100&sort=-updatedAt`)
    expect(list.status).toBe(403)
    expect(leaks(list.body)).toBe(false)
  })

  it('cannot read a version by id', async () => {
    const [version] = (await payload.findVersions({ collection: 'articles', where: { parent: { equals: publishedId } } })).docs
    const { status, body } = await rest('anonymous', 'GET', `/articles/versions/${version!.id}`)
    expect(status).toBe(403)
    expect(leaks(body)).toBe(false)
  })

  it.each(['reviews', 'revisions', 'workflow'])('cannot read %s', async (collection) => {
    expect((await rest('anonymous', 'GET', `/${collection}`)).status).toBe(403)
  })

  it('cannot read the workflow status of a document', async () => {
    expect((await rest('anonymous', 'GET', `/articles/${publishedId}/workflow`)).status).toBe(401)
  })

  it('cannot read users or their emails', async () => {
    const { status, body } = await rest('anonymous', 'GET', '/users')
    expect(status).toBe(403)
    expect(JSON.stringify(body)).not.toContain('@example.com')
  })

  it('cannot write content', async () => {
    const { status } = await rest('anonymous', 'POST', '/articles', articleData())
    expect(status).toBe(403)
  })
})

describe('anonymous GraphQL', () => {
  it('lists only published articles', async () => {
    const { body } = await graphqlQuery(
      'anonymous',
      '{ Articles(limit: 100, draft: true, sort: "-updatedAt") { docs { id summary _status } } }',
    )
    const docs = body.data.Articles.docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc: any) => doc._status === 'published')).toBe(true)
    expect(leaks(body)).toBe(false)
  })

  it('cannot read a draft by id', async () => {
    const { body } = await graphqlQuery('anonymous', `{ Article(id: ${draftId}, draft: true) { id summary } }`)
    expect(body.data?.Article ?? null).toBeNull()
    expect(leaks(body)).toBe(false)
  })

  it('cannot read versions', async () => {
    const { body } = await graphqlQuery(
      'anonymous',
      '{ versionsArticles(limit: 100, sort: "-updatedAt") { docs { id version { summary } } } }',
    )
    expect(body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(leaks(body)).toBe(false)
  })

  it('cannot read users or reviews', async () => {
    const users = await graphqlQuery('anonymous', '{ Users { docs { email } } }')
    expect(users.body.errors?.[0]?.message).toMatch(/not allowed/i)
    const reviews = await graphqlQuery('anonymous', '{ Reviews { docs { id } } }')
    expect(reviews.body.errors?.[0]?.message).toMatch(/not allowed/i)
  })
})

describe('the frontend data layer (Local API as a reader)', () => {
  it('never returns a draft article', async () => {
    const article = await payload.findByID({ collection: 'articles', id: draftId, draft: true })
    expect(await findPublishedArticle(article.slug)).toBeNull()
  })

  it('returns the published text of an article with a pending edit', async () => {
    const article = await findPublishedArticle(publishedSlug)
    expect(article?.summary).toBeDefined()
    expect(leaks(article)).toBe(false)
  })

  it('lists no drafts: recently reviewed, topics, topic pages, sitemap', async () => {
    const recent = await readRecentlyReviewed(500)
    expect(recent.some((a) => a.id === publishedId)).toBe(true)
    const topics = await readTopics()
    expect(topics.map((t) => t.slug)).not.toContain(topicSlug(marker))
    const testing = await readTopicPage('testing', 1)
    expect(testing?.topic.count).toBeGreaterThan(0)
    expect(await readTopicPage(topicSlug(marker), 1)).toBeNull()
    expect(await readTopicPage(topicSlug(pendingMarker), 1)).toBeNull()
    const sitemap = await readSitemapEntries()
    expect(sitemap.some((entry) => entry.slug === publishedSlug)).toBe(true)
    const draftSlug = (await payload.findByID({ collection: 'articles', id: draftId, draft: true })).slug
    expect(sitemap.some((entry) => entry.slug === draftSlug)).toBe(false)
    for (const list of [recent, topics, testing, sitemap]) expect(leaks(list)).toBe(false)
  })
})

describe('staff', () => {
  it('editors can read drafts and versions (the control for the tests above)', async () => {
    const { status, body } = await rest('editor', 'GET', `/articles/${draftId}?draft=true`)
    expect(status).toBe(200)
    expect(body.summary).toContain(marker)
    expect((await rest('editor', 'GET', '/articles/versions')).status).toBe(200)
  })
})
