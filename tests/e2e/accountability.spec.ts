// Public accountability, end to end: a reader tells us the page is wrong; a reviewer sees it in
// the queue, approves a correction with a public note (confirming the evidence), and marks the
// feedback acted on; the reader sees the correction notice and the "What changed" entry, and the
// Atom feed carries it. Also: the page's evidence and declared interests, the reviewer's public
// profile, and a retired article's 410 tombstone.
import { expect, test } from '@playwright/test'
import { loginAs, readOnlyIfLocked } from './support/admin'
import { Api, article, unique } from './support/api'

test('feedback that a page is wrong leads to a public correction', async ({ browser, page, request }) => {
  test.setTimeout(180_000)
  const api = new Api(request)
  const marker = unique('FEEDBACK')
  const source = (
    await api.call('editor', 'POST', '/sources', {
      title: `Guideline ${marker}`,
      type: 'guideline',
      publisher: 'NICE',
      year: 2024,
      url: 'https://example.org/guideline',
    })
  ).doc
  const id = await api.publish('articles', article(marker, { references: [{ source: source.id, section: 'Treatment' }] }))
  const slug = marker.toLowerCase()

  // The reader: references, the byline with declared interests and a profile link.
  await page.goto(`/articles/${slug}`)
  await expect(page.getByTestId('citations').getByRole('link', { name: `Guideline ${marker}` })).toHaveAttribute(
    'href',
    'https://example.org/guideline',
  )
  await expect(page.getByTestId('citations')).toContainText('Supports: Treatment')
  await page.getByText('Declared interests').click()
  await expect(page.getByTestId('disclosures')).toContainText('Dr. Maya Chen (reviewer): No conflicts of interest declared.')

  // ... says the page is wrong (with markup, which must stay text everywhere).
  const complaint = `The dose is wrong <b>${marker}</b>`
  const feedback = page.getByTestId('feedback')
  await feedback.getByLabel('No', { exact: true }).check()
  await feedback.getByLabel('What was the problem? (optional)').selectOption('wrong')
  await feedback.getByLabel('What was missing or wrong?').fill(complaint)
  await page.waitForTimeout(2100) // people take a moment to answer; scripts that post at once are dropped
  await feedback.getByRole('button', { name: 'Send feedback' }).click()
  await expect(page.getByTestId('feedback-thanks')).toBeVisible()

  // The reviewer sees it first in the queue's reader feedback, as text.
  const reviewer = await loginAs(browser, 'reviewer')
  await reviewer.goto('/admin/review-queue')
  const queue = reviewer.getByTestId('queue-reader-feedback')
  await expect(queue.getByRole('row').nth(1)).toContainText(complaint)
  await expect(queue.locator('b', { hasText: marker })).toHaveCount(0)

  // The editor fixes it; the reviewer approves it as a correction with a public note.
  await api.edit('articles', id, { summary: `Summary ${marker}: 600 mg a day` })
  await api.submit('articles', id)
  await queue.getByRole('link', { name: `Article ${marker}` }).click()
  await readOnlyIfLocked(reviewer)
  const panel = reviewer.getByTestId('review-panel')
  await expect(panel.getByTestId('reader-feedback')).toContainText(complaint)
  const note = `The dose said 6000 mg (${marker}); it is 600 mg a day.`
  await panel.getByLabel('This corrects a mistake readers saw').check()
  await panel.getByLabel(/Public note: what changed/).fill(note)
  await expect(panel.getByRole('button', { name: 'Approve' })).toBeDisabled()
  await panel.getByLabel(/I checked the evidence this version cites/).check()
  await panel.getByRole('button', { name: 'Approve' }).click()
  await expect(panel).toContainText('Approve: done.')

  // ... and marks the feedback acted on, answered by that approval.
  await panel.getByLabel('Answered by the approval').selectOption({ index: 1 })
  const item = panel.getByTestId('feedback-item').filter({ hasText: marker })
  await item.getByRole('button', { name: 'Mark acted on' }).click()
  // Not "acted on" alone: the button's own label says that before the server has answered.
  await expect(item.getByRole('button', { name: 'Mark acted on' })).toHaveCount(0)
  await expect(item).toContainText('· acted on')
  await reviewer.goto('/admin/review-queue')
  await expect(reviewer.getByTestId('queue-reader-feedback')).not.toContainText(marker)

  // The reader sees the correction and the "What changed" entry.
  await page.goto(`/articles/${slug}`)
  await expect(page.getByTestId('correction-notice')).toContainText(note)
  await expect(page.getByTestId('change-log').getByRole('listitem').first()).toContainText(`Correction. ${note}`)

  // The Atom feed parses as XML and carries the entry.
  const xml = await (await request.get('/updates.xml')).text()
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      summaries: [...doc.getElementsByTagName('summary')].map((s) => s.textContent),
    }
  }, xml)
  expect(parsed.errors).toBe(0)
  expect(parsed.summaries).toContain(note)

  // The reviewer's public profile lists the article.
  await page.goto(`/articles/${slug}`)
  await page
    .getByTestId('trust-block')
    .getByRole('link', { name: /Dr\. Maya Chen/ })
    .click()
  await expect(page).toHaveURL(/\/reviewers\/dr-maya-chen$/)
  await expect(page.getByTestId('approved-articles')).toContainText(`Article ${marker}`)
})

test('a retired article answers 410 with its tombstone, and leaves the sitemap', async ({ page, request }) => {
  const api = new Api(request)
  const current = unique('CURRENT')
  const currentId = await api.publish('articles', article(current))
  const retiredMarker = unique('RETIRED')
  const id = await api.publish('articles', article(retiredMarker))
  await api.call('reviewer', 'POST', `/articles/${id}/retire`, { comment: 'Superseded.', reason: 'superseded', replacement: currentId })
  const address = `/articles/${retiredMarker.toLowerCase()}`
  // The proxy's lookup reads the retired addresses at most every two seconds.
  await expect.poll(async () => (await request.get(address)).status(), { timeout: 10_000 }).toBe(410)
  const response = await page.goto(address)
  expect(response!.status()).toBe(410)
  await expect(page.getByTestId('tombstone')).toContainText('It was replaced by newer advice.')
  await page.getByRole('link', { name: `Article ${current}` }).click()
  await expect(page).toHaveURL(new RegExp(`/articles/${current.toLowerCase()}$`))
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(retiredMarker.toLowerCase())
  // A live article and a made-up address are unchanged: 200 and 404.
  expect((await request.get(`/articles/${current.toLowerCase()}`)).status()).toBe(200)
  expect((await request.get('/articles/never-was-an-article')).status()).toBe(404)
})

test("the feedback form's landing page says only the site's own words", async ({ page }) => {
  await page.goto('/feedback/sent?article=lumbar-soreness-in-early-pregnancy&problem=Call%200800%20555%20for%20a%20cure')
  await expect(page.locator('main p[role="alert"]')).toHaveText('Something went wrong. Please try again.')
  await expect(page.locator('body')).not.toContainText('0800')
  await page.goto('/feedback/sent?article=lumbar-soreness-in-early-pregnancy&problem=too-many')
  await expect(page.locator('main p[role="alert"]')).toContainText('we have your earlier feedback')
})
