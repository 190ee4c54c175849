import { expect, test } from '@playwright/test'

const password = process.env.SEED_PASSWORD || 'vetted-demo'

test('the editor logs in to the admin', async ({ page }) => {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('editor@example.com')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await expect(page.getByRole('link', { name: /Articles/ }).first()).toBeVisible()
})

test('a wrong password does not get in', async ({ page }) => {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('editor@example.com')
  await page.getByLabel('Password').fill('wrong-password')
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByText(/incorrect/i)).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})
