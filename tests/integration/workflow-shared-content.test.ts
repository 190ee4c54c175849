// Rule: a newly approved tip or warning shows on the articles that use it, and
// flags each of them for re-review until a reviewer approves the article again.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { readArticle as findPublishedArticle, runSearch } from '@/site/published-content'
import { lexicalFromSections } from '@seed/lexical'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, approve, createDraft, editDraft, publishThroughWorkflow, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

describe('shared content', () => {
  it('shows the new tip, flags the article, and clears the flag on re-approval', async () => {
    const tipId = await publishThroughWorkflow('tips', tipData())
    const article = articleData()
    const articleId = await publishThroughWorkflow('articles', { ...article, tips: [Number(tipId)] })
    const slug = (await rest('anonymous', 'GET', `/articles/${articleId}`)).body.slug
    expect((await workflowStatus('articles', articleId)).verification.verified).toBe(true)

    const newWords = `Newly approved advice ${unique('tip')}`
    await editDraft('editor', 'tips', tipId, { body: newWords })
    await approve('reviewer', 'tips', tipId, await submit('editor', 'tips', tipId))

    const page = await findPublishedArticle(slug)
    expect(page?.tips[0]?.body).toBe(newWords)

    const status = await workflowStatus('articles', articleId)
    expect(status.needsReReview).toBe(true)
    expect(status.reReviewReason).toMatch(/^Shared content changed/)
    expect(status.verification.verified).toBe(false)
    const queue = (await rest('reviewer', 'GET', '/review-queue')).body
    expect(queue.needsReReview.map((item: any) => item.id)).toContain(articleId)

    // Re-review of the unchanged article: submit it as it is, another reviewer approves.
    await approve('reviewer2', 'articles', articleId, await submit('reviewer', 'articles', articleId))
    const after = await workflowStatus('articles', articleId)
    expect(after.needsReReview).toBe(false)
    expect(after.verification.verified).toBe(true)
  })
})

/** A word that only this test's content contains (letters only: the search dictionary stems words). */
const uniqueWord = (label: string) => `${label}${unique('').replace(/[^a-z]/g, '')}`

const searchSlugs = async (word: string) => (await runSearch(word)).map((hit) => hit.slug)

describe('search follows the shared content an article shows', () => {
  it("drops a tip's old words and finds its new ones as soon as its new version is approved", async () => {
    const oldWord = uniqueWord('zorbold')
    const newWord = uniqueWord('zorbnew')
    const tipId = await publishThroughWorkflow('tips', { ...tipData(), body: `Rest with ${oldWord} cushions.` })
    const articleId = await publishThroughWorkflow('articles', { ...articleData(), tips: [Number(tipId)] })
    const slug = (await rest('anonymous', 'GET', `/articles/${articleId}`)).body.slug
    expect(await searchSlugs(oldWord)).toContain(slug)

    await editDraft('editor', 'tips', tipId, { body: `Rest with ${newWord} cushions.` })
    await approve('reviewer', 'tips', tipId, await submit('editor', 'tips', tipId))

    expect(await searchSlugs(oldWord)).not.toContain(slug)
    expect(await searchSlugs(newWord)).toContain(slug)
    const snippets = (await runSearch(newWord)).map((hit) => hit.snippet).join(' ')
    expect(snippets).not.toContain(oldWord)
  })

  it('takes an article far longer than 40,000 characters, to its last word', async () => {
    const word = uniqueWord('zorblong')
    const paragraphs = Array.from({ length: 700 }, (_, i) => `Paragraph ${i + 1} of a long page on resting and moving gently in pregnancy.`)
    paragraphs.push(`It ends with ${word}.`)
    const articleId = await publishThroughWorkflow('articles', { ...articleData(), body: lexicalFromSections([{ paragraphs }]) })
    const slug = (await rest('anonymous', 'GET', `/articles/${articleId}`)).body.slug
    expect(await searchSlugs(word)).toContain(slug)
  })

  it("drops a retired warning's words from every article that showed it", async () => {
    const word = uniqueWord('zorbwarn')
    const warningId = await publishThroughWorkflow('warnings', { ...warningData(), symptoms: `Sudden ${word} pain.` })
    const articleIds = [
      await publishThroughWorkflow('articles', { ...articleData(), warnings: [Number(warningId)] }),
      await publishThroughWorkflow('articles', { ...articleData(), warnings: [Number(warningId)] }),
    ]
    const slugs = await Promise.all(articleIds.map(async (id) => (await rest('anonymous', 'GET', `/articles/${id}`)).body.slug))
    expect((await searchSlugs(word)).sort()).toEqual([...slugs].sort())

    const retired = await act('reviewer', 'warnings', warningId, 'retire', { comment: 'Withdrawn: wrong advice.' })
    expect(retired.status).toBe(200)
    expect(retired.body.changedArticleSlugs.sort()).toEqual([...slugs].sort())

    expect(await searchSlugs(word)).toEqual([])
    const stored = await sql(`select count(*)::int as n from articles where id = any($1) and search_text like $2`, [
      articleIds.map(Number),
      `%${word}%`,
    ])
    expect(stored.rows[0].n).toBe(0)
  })
})

describe('an article and a tip it shows, approved at the same moment', () => {
  it('either approves the article with the tip it was signed with, or flags it for re-review', async () => {
    let approvedRounds = 0
    for (let round = 0; round < 6; round++) {
      const tipId = await publishThroughWorkflow('tips', tipData())
      const articleId = await createDraft('editor', 'articles', { ...articleData(), tips: [Number(tipId)] })
      const articleVersion = await submit('editor', 'articles', articleId)
      await editDraft('editor', 'tips', tipId, { body: `Racing tip words ${unique('race')}` })
      const tipVersion = await submit('editor', 'tips', tipId)

      const [article, tip] = await Promise.all([
        act('reviewer2', 'articles', articleId, 'approve', { versionId: articleVersion }),
        act('reviewer', 'tips', tipId, 'approve', { versionId: tipVersion }),
      ])
      expect(tip.status, JSON.stringify(tip.body)).toBe(200)
      expect([200, 409], JSON.stringify(article.body)).toContain(article.status)
      if (article.status !== 200) continue
      approvedRounds++

      const status = await workflowStatus('articles', articleId)
      const consistent = status.verification.verified === true || status.needsReReview === true
      expect(
        consistent,
        `round ${round}: ${JSON.stringify({ verification: status.verification, needsReReview: status.needsReReview })}`,
      ).toBe(true)
      if (!status.verification.verified) expect(status.reReviewReason).toMatch(/^Shared content changed/)
    }
    expect(approvedRounds, 'rounds in which the article approval went through').toBeGreaterThan(0)
  })
})
