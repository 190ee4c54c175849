// The review journey as the people do it, in the admin: edit, submit, request
// changes, fix, resubmit, approve; then a reader sees the approved words.
import { expect, type Page, test } from '@playwright/test'
import { loginAs, openDoc, readOnlyIfLocked, takeOverIfLocked } from './support/admin'

test.describe.configure({ mode: 'serial' })
const ARTICLE_TITLE = 'Lumbar soreness in early pregnancy'
const firstSummary = `Some pregnant women experience lower back and waist pain during the early stages of pregnancy, mostly from changes in posture. (Edited ${Date.now()})`
const finalSummary = `Some pregnant women experience lower back and waist pain during the early stages of pregnancy, mostly from changes in posture; gentle movement helps. (Final ${Date.now()})`

const openArticle = (page: Page, onLock = takeOverIfLocked) => openDoc(page, 'articles', 'lumbar-soreness-in-early-pregnancy', onLock)

async function saveDraft(page: Page) {
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await expect(page.getByText(/saved successfully/i).first()).toBeVisible()
}

const panel = (page: Page) => page.getByTestId('review-panel')

/** The submitter asks a reviewer, in the panel: it is then under "Assigned to me" in their My work. */
async function assign(page: Page, reviewerName: string) {
  const assignment = page.getByTestId('assigned-reviewers')
  await assignment.getByRole('button', { name: 'Assign reviewers' }).click()
  await assignment.getByLabel(reviewerName).check()
  await assignment.getByRole('button', { name: 'Save assignment' }).click()
  await expect(assignment).toContainText(`Assigned to ${reviewerName}`)
}

/** Opens a document from the reviewer's My work (the queue lists only the 50 oldest of each section). */
async function openFromMyWork(page: Page, name: string | RegExp) {
  await page.goto('/admin/my-work')
  await page.getByTestId('queue-assigned-to-me').getByRole('link', { name }).click()
}

test('edit, request changes, resubmit, approve, read', async ({ browser }) => {
  test.setTimeout(180_000)
  const started = Date.now()

  // The editor changes the summary and a warning, and submits both.
  const editor = await loginAs(browser, 'editor')
  await openArticle(editor)
  await expect(editor.getByRole('button', { name: /^Publish/ })).toHaveCount(0)
  await editor.getByLabel('Summary').fill(firstSummary)
  await saveDraft(editor)
  await expect(panel(editor).getByRole('button', { name: 'Approve' })).toHaveCount(0)
  await panel(editor).getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel(editor)).toContainText('In review')
  await assign(editor, 'Dr. Maya Chen')

  await openDoc(editor, 'warnings', 'severe-back-pain-lumbar-disc-herniation')
  await editor
    .locator('#field-action')
    .fill(`If the condition is severe, see a doctor soon to rule out lumbar disc herniation. (Checked ${Date.now()})`)
  await saveDraft(editor)
  await panel(editor).getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel(editor)).toContainText('In review')
  await assign(editor, 'Dr. Maya Chen')

  // The reviewer finds it in My work, assigned to her, reads the diff, and sends it back.
  const reviewer = await loginAs(browser, 'reviewer')
  await openFromMyWork(reviewer, ARTICLE_TITLE)
  await readOnlyIfLocked(reviewer)
  const summaryDiff = panel(reviewer).locator('[data-field="summary"]')
  await expect(summaryDiff.locator('ins')).toContainText(['(Edited'])
  await reviewer.screenshot({ path: 'tests/artifacts/journey-review-panel.png', fullPage: true })
  await panel(reviewer).getByLabel('Comment for the editor').fill('Please say what kind of movement helps.')
  await panel(reviewer).getByRole('button', { name: 'Request changes' }).click()
  await expect(panel(reviewer)).toContainText('Changes requested')

  // The editor reads the comment, fixes the text and resubmits.
  await openArticle(editor)
  await expect(panel(editor)).toContainText('Please say what kind of movement helps.')
  await editor.getByLabel('Summary').fill(finalSummary)
  await saveDraft(editor)
  await panel(editor).getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel(editor)).toContainText('In review')

  // The reviewer, who edited nothing, approves the warning (still assigned to her) and the article.
  await reviewer.goto('/admin/review-queue')
  await reviewer.screenshot({ path: 'tests/artifacts/journey-queue.png', fullPage: true })
  await openFromMyWork(reviewer, /Severe back pain/)
  await readOnlyIfLocked(reviewer)
  // The seeded warning reads at about 13, above the target of 11: the reviewer accepts that, on the record.
  await panel(reviewer)
    .getByLabel(/above the target of 11: I accept that for this version/)
    .check()
  await panel(reviewer).getByRole('button', { name: 'Approve' }).click()
  await expect(panel(reviewer)).toContainText('Published')
  await openArticle(reviewer, readOnlyIfLocked)
  await expect(reviewer.getByTestId('review-status-header')).toContainText('In review')
  // Approving an article takes the reviewer's word that the evidence was checked.
  await expect(panel(reviewer).getByRole('button', { name: 'Approve' })).toBeDisabled()
  await panel(reviewer)
    .getByLabel(/I checked the evidence this version cites/)
    .check()
  // The seeded article reads at about 15, above the target of 11: the reviewer accepts that, on the record.
  await expect(panel(reviewer).getByRole('button', { name: 'Approve' })).toBeDisabled()
  await panel(reviewer)
    .getByLabel(/above the target of 11: I accept that for this version/)
    .check()
  await panel(reviewer).getByRole('button', { name: 'Approve' }).click()
  await expect(panel(reviewer)).toContainText('Published')
  // The header follows at once, without a reload: no stale "Changed", no "Revert to published".
  await expect(reviewer.getByTestId('review-status-header')).toContainText('Published')
  await expect(reviewer.getByTestId('review-status-header')).toContainText('Live')
  await expect(reviewer.getByText('Revert to published')).toHaveCount(0)

  // A reader sees the approved words.
  const reader = await browser.newPage()
  await reader.goto('/articles/lumbar-soreness-in-early-pregnancy')
  await expect(reader.getByText(finalSummary)).toBeVisible()
  await expect(reader.getByText('see a doctor soon to rule out lumbar disc herniation')).toBeVisible()
  console.log(`review journey took ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('a reviewer who edited the draft is refused in the panel, with the reason', async ({ browser }) => {
  const reviewer = await loginAs(browser, 'reviewer')
  await openDoc(reviewer, 'tips', 'change-position-often')
  await reviewer
    .locator('#field-body')
    .fill(`It is best not to maintain one posture for a long time during pregnancy; change positions often. (${Date.now()})`)
  await saveDraft(reviewer)
  await panel(reviewer).getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel(reviewer)).toContainText('another reviewer must approve it')
  await expect(panel(reviewer).getByRole('button', { name: 'Approve' })).toHaveCount(0)
  // Even forcing the request, the server refuses and the panel shows why.
  const refusal = await reviewer.evaluate(async () => {
    const id = location.pathname.split('/').pop()
    const status = await (await fetch(`/api/tips/${id}/workflow`)).json()
    const response = await fetch(`/api/tips/${id}/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ versionId: status.submission.versionId }),
    })
    return { status: response.status, body: await response.json() }
  })
  expect(refusal.status).toBe(403)
  expect(refusal.body.errors[0].message).toMatch(/another reviewer must approve it/)
})
