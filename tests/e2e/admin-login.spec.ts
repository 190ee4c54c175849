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

test('the admin loads nothing from the internet, and lists show each review state', async ({ page, baseURL }) => {
  const outside: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url)
  })
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('editor@example.com')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await expect(page.getByTestId('dashboard-greeting')).toContainText('Hello, Emma Clarke')
  await page.goto('/admin/collections/tips?where[slug][equals]=wear-flat-shoes')
  await expect(page.locator('.state-badge').first()).toHaveText(/In review|Draft|Published|Changes requested/)
  await expect(page.getByText(/reviewed \d{4}-\d{2}-\d{2} · due \d{4}-\d{2}-\d{2}/).first()).toBeVisible()
  await page.goto('/admin/collections/workflow?where[state][equals]=in_review&search=Wear%20flat')
  const row = page.locator('tr', { hasText: 'Wear flat, comfortable shoes' })
  await expect(row.locator('.state-badge')).toHaveText('In review')
  await expect(page.locator('.state-badge', { hasText: 'Published' })).toHaveCount(0)
  // Other tests add people: find her by name (the list searches display names).
  await page.goto('/admin/collections/users?search=Maya')
  await expect(page.getByText('Dr. Maya Chen').first()).toBeVisible()
  await expect(page.getByText('reviewer@example.com')).toHaveCount(0)
  expect(outside).toEqual([])
})

test('an admin unlocks an account that failed logins locked for one address', async ({ page, request }) => {
  const marker = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const email = `locked-${marker}@example.org`
  const admin = await request.post('/api/users/login', { data: { email: 'admin@example.com', password } })
  const adminToken = (await admin.json()).token
  const created = await request.post('/api/users', {
    headers: { Authorization: `JWT ${adminToken}` },
    data: { email, password: 'the-right-password', displayName: `Locked ${marker}`, roles: ['editor'] },
  })
  expect(created.ok()).toBe(true)
  const id = (await created.json()).doc.id
  const from = { 'X-Forwarded-For': '203.0.113.9' }
  for (let attempt = 0; attempt < 5; attempt++) {
    expect((await request.post('/api/users/login', { headers: from, data: { email, password: `wrong-${attempt}` } })).status()).toBe(401)
  }
  expect((await request.post('/api/users/login', { headers: from, data: { email, password: 'the-right-password' } })).status()).toBe(429)

  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('admin@example.com')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto(`/admin/collections/users/${id}`)
  await page.getByTestId('unlock-logins').getByRole('button', { name: 'Unlock logins' }).click()
  await expect(page.getByTestId('unlock-logins')).toContainText('Logins unlocked')
  expect((await request.post('/api/users/login', { headers: from, data: { email, password: 'the-right-password' } })).status()).toBe(200)
})
