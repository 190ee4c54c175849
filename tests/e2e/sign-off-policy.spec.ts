// A topic whose articles need two reviewers, one of them an obstetrician, in the admin: the
// first reviewer assigns the obstetrician, whose queue shows it first; the first approval
// leaves the article off the site ("1 of 2"), the specialist's publishes it, and the page
// names both. The obstetrician and the editor are told by e-mail, through a real SMTP server.
import { expect, test } from '@playwright/test'
import { loginAs, openDoc, readOnlyIfLocked } from './support/admin'
import { Api, article, unique } from './support/api'
import { mailTo } from './support/mail-sink'

test.describe.configure({ mode: 'serial' })

const TOPIC = unique('Two reviewers topic ')
const marker = unique('TWOREVIEWERS')
const slug = marker.toLowerCase()
let savedRules: unknown[] = []

test.beforeAll(async ({ request }) => {
  const api = new Api(request)
  savedRules = ((await api.call('admin', 'GET', '/globals/review-policy')).rules ?? []).map(({ id: _id, ...rule }: { id?: string }) => rule)
  await api.call('admin', 'POST', '/globals/review-policy', {
    rules: [
      ...savedRules,
      { name: 'Two reviewers, one an obstetrician', collection: 'articles', topic: TOPIC, approvals: 2, specialties: ['Obstetrics'] },
    ],
  })
  const id = await api.draft('articles', article(marker, { topic: TOPIC }))
  await api.submit('articles', id)
})

test.afterAll(async ({ request }) => {
  await new Api(request).call('admin', 'POST', '/globals/review-policy', { rules: savedRules })
})

test('the first approval is not enough; the specialist’s publishes, and the page names both', async ({ browser, page }) => {
  test.setTimeout(120_000)
  const familyDoctor = await loginAs(browser, 'reviewer2')
  await openDoc(familyDoctor, 'articles', slug, readOnlyIfLocked)
  const panel = familyDoctor.getByTestId('review-panel')
  await expect(familyDoctor.getByTestId('sign-off-progress')).toContainText('0 of 2 approvals; still needs: Obstetrics')
  // The family doctor asks the obstetrician to review it.
  const assignment = familyDoctor.getByTestId('assigned-reviewers')
  await expect(assignment).toContainText('Not assigned')
  await assignment.getByRole('button', { name: 'Assign reviewers' }).click()
  await assignment.getByLabel('Dr. Maya Chen').check()
  await assignment.getByRole('button', { name: 'Save assignment' }).click()
  await expect(assignment).toContainText('Assigned to Dr. Maya Chen')
  await panel.getByLabel(/I checked the evidence this version cites/).check()
  await panel.getByRole('button', { name: 'Approve' }).click()
  await expect(familyDoctor.getByTestId('sign-off-progress')).toContainText('1 of 2 approvals; still needs: Obstetrics')
  await expect(panel).toContainText('In review')
  await expect(panel.getByRole('button', { name: 'Approve' })).toHaveCount(0)

  expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404)

  // The obstetrician finds it in "My work", assigned to her and still needing her approval,
  // and first in the queue.
  const obstetrician = await loginAs(browser, 'reviewer')
  await obstetrician.goto('/admin/my-work')
  await expect(obstetrician.getByTestId('queue-assigned-to-me')).toContainText(`Article ${marker}`)
  await expect(obstetrician.getByTestId('queue-my-approval-still-needed')).toContainText(`Article ${marker}`)
  await obstetrician.goto('/admin/review-queue')
  await obstetrician
    .getByTestId('queue-assigned-to-me')
    .getByRole('link', { name: `Article ${marker}` })
    .click()
  await expect(obstetrician.getByTestId('review-panel')).toBeVisible()
  await readOnlyIfLocked(obstetrician)
  await expect(obstetrician.getByTestId('sign-off-progress')).toContainText('1 of 2 approvals')
  await obstetrician
    .getByTestId('review-panel')
    .getByLabel(/I checked the evidence this version cites/)
    .check()
  await obstetrician.getByTestId('review-panel').getByRole('button', { name: 'Approve' }).click()
  await expect(obstetrician.getByTestId('review-panel')).toContainText('Published')

  await page.goto(`/articles/${slug}`)
  const trust = page.getByTestId('trust-block')
  await expect(trust).toContainText('Dr. Samuel Okafor, MD, FAAFP')
  await expect(trust).toContainText('Dr. Maya Chen, MD, FACOG')
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(jsonLd.reviewedBy.map((person: { name: string }) => person.name)).toEqual(['Dr. Samuel Okafor', 'Dr. Maya Chen'])

  // The mails arrived: the obstetrician was asked, with a link to the article in the admin; the
  // editor was told it is live. Neither carries the article's text.
  const asked = await mailTo('reviewer@example.com', `Please review the article: Article ${marker}`)
  expect(asked.text).toContain('Dr. Samuel Okafor asked you to review this article')
  const link = /Open it: (\S+)/.exec(asked.text)?.[1]
  expect(link).toMatch(/\/admin\/collections\/articles\/\d+$/)
  const live = await mailTo('editor@example.com', `Approved and live: Article ${marker}`)
  expect(live.text).toContain('2 of 2 approvals')
  for (const mail of [asked, live]) expect(mail.text + mail.html).not.toContain(`Body ${marker}`)
  // The link in the mail opens the article's review panel.
  await obstetrician.goto(link!)
  await expect(obstetrician.getByTestId('review-panel')).toContainText('Published')
})
