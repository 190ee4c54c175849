// Preview of a pending version: staff only, at its own address (/preview/articles/...),
// checked on every request with the login itself. Public pages never depend on who asks,
// so a shared cache may store every one of them.
import { expect, test } from '@playwright/test'
import { Api, article, unique } from './support/api'

const password = process.env.SEED_PASSWORD || 'vetted-demo'

test('staff preview the pending version at its own address; readers never get a preview', async ({ browser, request }) => {
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

  // The admin's preview link leads to the preview address.
  const preview = await page.goto(`/preview?slug=${slug}`)
  await expect(page).toHaveURL(new RegExp(`/preview/articles/${slug}$`))
  expect(preview?.headers()['cache-control']).toMatch(/no-store/)
  await expect(page.getByTestId('preview-banner')).toContainText('Preview: not yet approved')
  await expect(page.getByText(pending)).toBeVisible()

  // Never a stale preview: the next pending edit shows at once.
  const newer = `Newer pending words ${unique('n')}`
  await api.edit('articles', id, { summary: newer })
  await page.reload()
  await expect(page.getByText(newer)).toBeVisible()

  // The public address is the approved page, for staff too: it never varies by login.
  await page.goto(`/articles/${slug}`)
  await expect(page.getByText(`Summary ${marker}`)).toBeVisible()
  await expect(page.getByTestId('preview-banner')).toHaveCount(0)

  // A reader with the copied preview address is sent to the login page, and sees nothing pending.
  const anonymous = await browser.newContext()
  const anonymousPage = await anonymous.newPage()
  const response = await anonymousPage.goto(`/preview?slug=${slug}`)
  expect(response?.status()).toBe(401)
  await anonymousPage.goto(`/preview/articles/${slug}`)
  await expect(anonymousPage).toHaveURL(/\/admin\/login/)
  await expect(anonymousPage.getByText(newer)).toHaveCount(0)
  await anonymousPage.goto(`/articles/${slug}`)
  await expect(anonymousPage.getByText(newer)).toHaveCount(0)
  await expect(anonymousPage.getByText(`Summary ${marker}`)).toBeVisible()

  // Exit preview: back on the approved page.
  await page.goto(`/preview/articles/${slug}`)
  await page.getByRole('link', { name: 'Exit preview' }).click()
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`))
  await expect(page.getByText(`Summary ${marker}`)).toBeVisible()
})
