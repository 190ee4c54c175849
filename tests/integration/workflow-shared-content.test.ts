// Rule: a newly approved tip or warning shows on the articles that use it, and
// flags each of them for re-review until a reviewer approves the article again.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { readArticle as findPublishedArticle } from '@/lib/published-content'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { approve, editDraft, publishThroughWorkflow, submit, workflowStatus } from '../support/workflow'

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
