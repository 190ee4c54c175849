// The admin as the people use it: logging in as a demo person, opening a document past
// Payload's "Document locked" dialog.
import { type Browser, expect, type Page } from '@playwright/test'

const password = process.env.SEED_PASSWORD || 'vetted-demo'

export async function loginAs(browser: Browser, person: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  // Payload's "Document locked" dialog can appear whenever someone else had the
  // document open: reviewers read without taking over, editors take over.
  await page.addLocatorHandler(
    page.locator('#document-locked'),
    async (dialog) => {
      await dialog
        .getByRole('button', { name: person === 'editor' ? 'Take over' : 'View read-only' })
        .click({ timeout: 2000 })
        .catch(() => {})
    },
    { noWaitAfter: true },
  )
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(`${person}@example.com`)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  return page
}

/**
 * Answers the "Document locked" dialog if it shows. The locator handler may answer it
 * first, between the check and the click: then the button is gone and there is nothing
 * left to click, which is fine (an unbounded click waited for it until the test timed out).
 */
async function answerLockDialog(page: Page, name: 'View read-only' | 'Take over') {
  const button = page.getByRole('button', { name })
  if (await button.isVisible({ timeout: 1500 }).catch(() => false)) await button.click({ timeout: 2000 }).catch(() => {})
}

/** Someone else had the document open: a reviewer reads it without taking over. */
export const readOnlyIfLocked = (page: Page) => answerLockDialog(page, 'View read-only')
export const takeOverIfLocked = (page: Page) => answerLockDialog(page, 'Take over')

/** Opens a document from its list view, filtered to its slug (other tests add many documents). */
export async function openDoc(page: Page, collection: string, slug: string, onLock = takeOverIfLocked) {
  await page.goto(`/admin/collections/${collection}?where[slug][equals]=${slug}`)
  await page.locator('.cell-title a, td a').first().click()
  await expect(page.getByTestId('review-panel')).toBeVisible()
  await onLock(page)
}
