import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ARTICLE_SLUG } from '@seed/content/lumbar-soreness'
import { seed } from '@seed/seed'
import { SeedSourceError } from '@seed/source-text'
import { createLocalReq } from 'payload'
import { verifyPublished } from '@/review/views/verification'
import { testPayload } from '../support/payload'

let payload: Payload
const password = 'vetted-demo'

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload, { password })
})

async function seededArticle() {
  const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: ARTICLE_SLUG } }, depth: 1 })
  return docs[0]!
}

describe('the seed', () => {
  it('imports the article with its release date and sections', async () => {
    const article = await seededArticle()
    expect(article.title).toBe('Lumbar soreness in early pregnancy')
    expect(article._status).toBe('published')
    expect(article.releaseDate?.slice(0, 10)).toBe('2025-01-18')
    const headings = (article.body.root.children as any[]).filter((node) => node.type === 'heading').map((node) => node.children[0].text)
    expect(headings).toEqual(['Why it happens', 'How to relieve it', 'How to prevent it', 'When to see a doctor'])
  })

  it('links its 11 tips in the order of the source', async () => {
    const tips = (await seededArticle()).tips as { title: string; _status: string }[]
    expect(tips).toHaveLength(11)
    expect(tips[0]!.title).toMatch(/side/i)
    expect(tips.at(-1)!.title).toBe('Change position often')
    expect(tips.every((tip) => tip._status === 'published')).toBe(true)
    expect(tips.some((tip) => /calcium/i.test(tip.title))).toBe(true)
  })

  it('links its warnings with the right severities', async () => {
    const warnings = (await seededArticle()).warnings as { title: string; severity: string }[]
    expect(warnings.map((w) => w.severity)).toEqual(['emergency', 'urgent', 'caution'])
    expect(warnings[0]!.title).toMatch(/ectopic/i)
    expect(warnings[1]!.title).toMatch(/disc herniation/i)
  })

  it('publishes through the real approval path, with a verifiable trail', async () => {
    const article = await seededArticle()
    const { docs: reviews } = await payload.find({
      collection: 'reviews',
      where: { and: [{ documentCollection: { equals: 'articles' } }, { documentId: { equals: String(article.id) } }] },
    })
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toMatchObject({ decision: 'approved', reviewerName: 'Dr. Maya Chen', reviewerCredentials: 'MD, FACOG' })
    expect(reviews[0]!.contentHash).toBe(article.review?.contentHash)
    const req = await createLocalReq({}, payload)
    expect(await verifyPublished(req, 'articles', String(article.id))).toMatchObject({ verified: true })
    const approvals = await payload.count({ collection: 'reviews', where: { decision: { equals: 'approved' } } })
    expect(approvals.totalDocs).toBeGreaterThanOrEqual(15)
  })

  it('leaves one pending revision by the editor in review', async () => {
    const { docs } = await payload.find({ collection: 'workflow', where: { state: { equals: 'in_review' } }, depth: 1, limit: 100 })
    const pending = docs.find((row) => row.documentTitle === 'Wear flat, comfortable shoes')
    expect(pending).toBeDefined()
    expect((pending!.submittedBy as { email: string }).email).toBe('editor@example.com')
    const live = await payload.find({ collection: 'tips', where: { slug: { equals: 'wear-flat-shoes' } }, draft: false })
    expect(live.docs[0]!.title).toBe('Wear flat shoes')
  })

  it('creates the four demo accounts with their roles', async () => {
    const { docs } = await payload.find({ collection: 'users', where: { email: { like: '@example.com' } }, limit: 100 })
    const byEmail = Object.fromEntries(docs.map((u) => [u.email, u]))
    expect(byEmail['admin@example.com']?.roles).toEqual(['admin'])
    expect(byEmail['editor@example.com']?.roles).toEqual(['editor'])
    expect(byEmail['reviewer@example.com']?.roles).toEqual(['reviewer'])
    expect(byEmail['reviewer@example.com']?.specialties).toContain('Obstetrics')
    expect(byEmail['reviewer2@example.com']?.roles).toEqual(['reviewer'])
  })

  it('changes nothing on a second run, and says so', async () => {
    const counts = async () =>
      Promise.all((['articles', 'tips', 'warnings', 'users'] as const).map(async (c) => (await payload.count({ collection: c })).totalDocs))
    const before = await counts()
    const report = await seed(payload, { password })
    expect(report.created).toEqual([])
    expect(report.unchanged).toHaveLength(4 + 3 + 2 + 1 + 3 + 11 + 1) // users, declarations, sources, the sign-off rules, warnings, tips, the article
    expect(await counts()).toEqual(before)
  })

  it('fails clearly on a missing source file, before writing anything', async () => {
    await expect(seed(payload, { password, sourceFile: '/nonexistent/source.txt' })).rejects.toThrow(SeedSourceError)
    await expect(seed(payload, { password, sourceFile: '/nonexistent/source.txt' })).rejects.toThrow(
      /not found: \/nonexistent\/source\.txt/,
    )
  })
})
