import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const PAGES = {
  home: '/',
  topic: '/topics/pregnancy',
  article: '/articles/lumbar-soreness-in-early-pregnancy',
  search: '/search?q=back+pain',
  'not found': '/articles/no-such-article',
  updates: '/updates',
  'reviewer profile': '/reviewers/dr-maya-chen',
  'feedback sent': '/feedback/sent?article=lumbar-soreness-in-early-pregnancy',
}

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name} has no axe violations, one h1 and the landmarks`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
    await expect(page.locator('h1')).toHaveCount(1)
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('banner')).toHaveCount(1)
    await expect(page.getByRole('contentinfo')).toHaveCount(1)
  })
}

test('no request leaves the site', async ({ page, baseURL }) => {
  const outside: string[] = []
  page.on('request', (req) => {
    if (!req.url().startsWith(baseURL!) && !req.url().startsWith('data:')) outside.push(req.url())
  })
  for (const path of Object.values(PAGES)) await page.goto(path)
  expect(outside).toEqual([])
})
