// Preview of a pending version: staff only, checked on every request with the
// login itself, so a copied draft-mode cookie or URL shows readers nothing pending.
import { expect, test } from '@playwright/test'
import { Api, article, unique } from './support/api'

const password = process.env.SEED_PASSWORD || 'vetted-demo'

test('staff preview the pending version; a copied cookie or URL shows readers nothing pending', async ({ browser, request }) => {
  const api = new Api(request)
  const marker = unique('preview')
  const slug = marker.toLowerCase()
  const id = await api.publish('articles', article(marker))
  const pending = `Pending words ${unique('p')}`
  await api.edit('articles', id, { summary: pending })

  const staff = await browser.newContext()
  const page = await staff.newPage()
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('editor@example.com')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  await page.goto(`/preview?slug=${slug}`)
  await expect(page.getByTestId('preview-banner')).toContainText('Preview: not yet approved')
  await expect(page.getByText(pending)).toBeVisible()
  const bypass = (await staff.cookies()).find((cookie) => cookie.name === '__prerender_bypass')
  expect(bypass).toBeDefined()

  // A reader with the copied draft-mode cookie, but no login.
  const reader = await browser.newContext()
  await reader.addCookies([bypass!])
  const readerPage = await reader.newPage()
  await readerPage.goto(`/articles/${slug}`)
  await expect(readerPage.getByText(`Summary ${marker}`)).toBeVisible()
  await expect(readerPage.getByText(pending)).toHaveCount(0)
  await expect(readerPage.getByTestId('preview-banner')).toHaveCount(0)

  // A reader with the copied URL.
  const anonymous = await browser.newContext()
  const anonymousPage = await anonymous.newPage()
  const response = await anonymousPage.goto(`/preview?slug=${slug}`)
  expect(response?.status()).toBe(401)
  await anonymousPage.goto(`/articles/${slug}`)
  await expect(anonymousPage.getByText(pending)).toHaveCount(0)

  // Exit preview: the editor sees the approved page again.
  await page.getByRole('link', { name: 'Exit preview' }).click()
  await expect(page.getByText(`Summary ${marker}`)).toBeVisible()
  await expect(page.getByTestId('preview-banner')).toHaveCount(0)
})
