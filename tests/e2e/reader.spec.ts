import { expect, test } from '@playwright/test'

const ARTICLE = '/articles/lumbar-soreness-in-early-pregnancy'

test('a reader goes from the home page, through its topic, to the seeded article', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Pregnancy', exact: true }).click()
  await expect(page).toHaveURL('/topics/pregnancy')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pregnancy')
  await page.getByRole('link', { name: 'Lumbar soreness in early pregnancy' }).click()
  await expect(page).toHaveURL(ARTICLE)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lumbar soreness in early pregnancy')

  const emergency = page.locator('[data-severity="emergency"]')
  await expect(emergency).toContainText('Emergency: seek care now')
  await expect(emergency).toContainText('ectopic pregnancy')
  await expect(page.getByRole('heading', { name: 'Take calcium: 600 mg a day, 1000-1200 mg late in pregnancy' })).toBeVisible()
  await expect(page.getByLabel('Disclaimer')).toContainText('for reference only')
})

test('warnings come most pressing first', async ({ page }) => {
  await page.goto(ARTICLE)
  const severities = await page.locator('[data-severity]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-severity')))
  expect(severities).toEqual(['emergency', 'urgent', 'caution'])
})

test('an unknown topic, or a page past the end, is a real 404', async ({ request }) => {
  expect((await request.get('/topics/no-such-topic')).status()).toBe(404)
  expect((await request.get('/topics/pregnancy?page=999')).status()).toBe(404)
  expect((await request.get('/topics/pregnancy?page=0')).status()).toBe(404)
  expect((await request.get('/topics/pregnancy?page=1')).status()).toBe(200)
})

test('an unknown article is a real 404', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})

test('the article reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(ARTICLE)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lumbar soreness in early pregnancy')
  await expect(page.locator('[data-severity="emergency"]')).toBeVisible()
  await context.close()
})

test('an address that is not valid UTF-8 is a 400, not a server error', async ({ request }) => {
  for (const path of ['/articles/%ED%A0%80', '/topics/%ED%A0%80', '/topics/%ED%A0%80?page=2']) {
    expect((await request.get(path)).status(), path).toBe(400)
  }
})

test('the site has a favicon', async ({ request }) => {
  const response = await request.get('/favicon.ico')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/icon/)
})
