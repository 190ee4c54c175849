// A release in the admin: an editor puts the seeded article and two of its tips in a release and
// submits it; a reviewer approves each from the release page and schedules it 12 seconds
// ahead; readers see none of it until then, and all of it together at that time.
import { expect, test } from '@playwright/test'
import { loginAs } from './support/admin'
import { Api, unique } from './support/api'

const ARTICLE = 'lumbar-soreness-in-early-pregnancy'
const TIPS = ['Lean against a backrest when sitting', 'Massage your lower back']

test('a release of an article and two of its tips goes live together, at its scheduled time', async ({ browser, request }) => {
  test.setTimeout(180_000)
  const api = new Api(request)
  const marker = unique('TOGETHER')
  const article = (await api.call('editor', 'GET', `/articles?where[slug][equals]=${ARTICLE}&depth=0&draft=true`)).docs[0]
  const tips = []
  for (const title of TIPS)
    tips.push((await api.call('editor', 'GET', `/tips?where[title][equals]=${encodeURIComponent(title)}&depth=0&draft=true`)).docs[0])
  // The changes: new words in the article's summary and in each tip.
  await api.edit('articles', String(article.id), { summary: `${article.summary} (${marker}-article)` })
  for (const [index, tip] of tips.entries()) await api.edit('tips', String(tip.id), { body: `${tip.body} (${marker}-tip${index})` })

  const editor = await loginAs(browser, 'editor')
  await editor.goto('/admin/collections/releases/create')
  await editor.locator('input[name="name"]').fill(`Back care update ${marker}`)
  await editor.getByRole('button', { name: 'Save' }).click()
  const panel = editor.getByTestId('release-panel')
  await expect(panel).toBeVisible({ timeout: 15_000 })
  const add = panel.getByTestId('release-add')
  await add.locator('input[name="release-add-query"]').fill(article.title)
  await add.getByRole('button', { name: 'Find' }).click()
  await add.getByTestId(`add-articles-${article.id}`).click()
  await expect(panel.getByTestId(`release-member-articles-${article.id}`)).toBeVisible()
  for (const tip of tips) {
    await add.locator('select[name="release-add-collection"]').selectOption('tips')
    await add.locator('input[name="release-add-query"]').fill(tip.title)
    await add.getByRole('button', { name: 'Find' }).click()
    await add.getByTestId(`add-tips-${tip.id}`).click()
    await expect(panel.getByTestId(`release-member-tips-${tip.id}`)).toBeVisible()
  }
  // A member can be taken out again from the page (it was always a 404: issue 22, item 5), and added back.
  const removable = panel.getByTestId(`release-member-tips-${tips[0].id}`)
  await removable.getByRole('button', { name: 'Remove' }).click()
  await expect(removable).toHaveCount(0)
  await expect(panel.getByTestId(`release-member-articles-${article.id}`)).toBeVisible()
  await add.locator('select[name="release-add-collection"]').selectOption('tips')
  await add.locator('input[name="release-add-query"]').fill(tips[0].title)
  await add.getByRole('button', { name: 'Find' }).click()
  await add.getByTestId(`add-tips-${tips[0].id}`).click()
  await expect(removable).toBeVisible()
  await panel.getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel.getByTestId('release-summary')).toHaveText('0 of 3 approved')
  const releaseUrl = editor.url()

  // The reviewer approves each member on the release page: the tips first, then the article
  // (signed with the tips it goes live with).
  const reviewer = await loginAs(browser, 'reviewer')
  await reviewer.goto(releaseUrl)
  const page = reviewer.getByTestId('release-panel')
  for (const [collection, id, noun] of [...tips.map((tip) => ['tips', tip.id, 'tip']), ['articles', article.id, 'article']]) {
    const member = page.getByTestId(`release-member-${collection}-${id}`)
    await expect(member.getByTestId('change-summary')).toContainText(marker)
    // An article's approval confirms its evidence was checked.
    if (collection === 'articles') await member.getByLabel(/I checked the evidence this version cites/).check()
    // A member that reads above the target reading age needs the reviewer to accept that.
    if ((await api.call('reviewer', 'GET', `/${collection}/${id}/checks`)).plainLanguage.aboveTarget) {
      await member.getByLabel(/above the target of 11: I accept that for this version/).check()
    }
    await member.getByRole('button', { name: `Approve this ${noun}` }).click()
    await expect(member.getByTestId('member-status')).toHaveText('Approved')
  }
  await expect(page.getByTestId('release-summary')).toHaveText('3 of 3 approved')
  // Approved, and still nothing of it on the site.
  expect(await (await request.get(`/articles/${ARTICLE}`)).text()).not.toContain(marker)

  // 12 seconds ahead (the test server lets a schedule be 5 s away: playwright.config.ts), in the
  // reviewer's own time zone (the form sends it with the zone).
  const at = new Date(Date.now() + 12_000)
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)
  await page.locator('input[name="release-go-live-at"]').fill(local)
  await page.getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(page.getByTestId('release-scheduled')).toBeVisible()

  // Readers get all of it at once, or none: never the article without its tips.
  const parts = [`${marker}-article`, `${marker}-tip0`, `${marker}-tip1`]
  const seen = new Set<string>()
  await expect
    .poll(
      async () => {
        const html = await (await request.get(`/articles/${ARTICLE}`)).text()
        const shown = parts.map((part) => html.includes(part))
        seen.add(shown.join())
        return shown.every(Boolean)
      },
      { timeout: at.getTime() + 20_000 - Date.now(), intervals: [500] },
    )
    .toBe(true)
  expect(
    [...seen].every((state) => state === 'false,false,false' || state === 'true,true,true'),
    [...seen].join(' | '),
  ).toBe(true)
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 1000)
  const status = await api.call('reviewer', 'GET', `/articles/${article.id}/workflow`)
  expect(status.state).toBe('published')
  expect(status.history[0]).toMatchObject({ decision: 'went_live' })
})
