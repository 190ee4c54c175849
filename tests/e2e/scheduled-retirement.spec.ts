// A reviewer schedules a live article to retire in 35 seconds, in the review panel: until then
// readers get the (cached) page; at the time the server's job runner retires it through the
// workflow, and the cached page is gone at once (the job runs outside any request, so it
// expires this process's cache directly).
import { expect, test } from '@playwright/test'
import { loginAs, openDoc, readOnlyIfLocked } from './support/admin'
import { Api, article, unique } from './support/api'

const marker = unique('RETIRESOON')
const slug = marker.toLowerCase()

test('a scheduled retirement takes a cached page off the site at its time', async ({ browser, page, request }) => {
  test.setTimeout(120_000)
  const api = new Api(request)
  const id = await api.publish('articles', article(marker))
  const reviewer = await loginAs(browser, 'reviewer')
  await openDoc(reviewer, 'articles', slug, readOnlyIfLocked)
  const schedule = reviewer.getByTestId('scheduled-retirement')
  await schedule.getByText('Schedule retirement').first().click()

  // The page is rendered and cached now; it would be revalidated 60 seconds from now.
  expect((await page.goto(`/articles/${slug}`))?.status()).toBe(200)
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200)

  // 12 seconds ahead (the test server lets a schedule be 5 s away: playwright.config.ts), in the
  // reviewer's own time zone (the form sends it with the zone).
  const at = new Date(Date.now() + 12_000)
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)
  await schedule.locator('input[name="retire-at"]').fill(local)
  await schedule.locator('input[name="retire-comment"]').fill('Seasonal advice ends')
  await schedule.getByRole('button', { name: 'Schedule retirement' }).click()
  await expect(schedule).toContainText('Retires automatically on')
  await expect(schedule).toContainText('Seasonal advice ends')
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200)

  // Gone within seconds of its time, well before the cached page's own revalidation would
  // have dropped it (which is how it would go without the expiry).
  await expect
    .poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: at.getTime() + 8_000 - Date.now(), intervals: [1_000] })
    .toBe(410)
  const status = await api.call('reviewer', 'GET', `/articles/${id}/workflow`)
  expect(status.state).toBe('retired')
  expect(status.history[0]).toMatchObject({ decision: 'retired', comment: 'Seasonal advice ends', reviewerName: 'Dr. Maya Chen' })
})
