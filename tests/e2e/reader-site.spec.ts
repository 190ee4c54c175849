import { expect, test } from '@playwright/test'
import { Api, article, unique } from './support/api'

const ARTICLE = '/articles/lumbar-soreness-in-early-pregnancy'

test('the article carries the sign-off from its review record', async ({ page }) => {
  await page.goto(ARTICLE)
  const trust = page.getByTestId('trust-block')
  await expect(trust).toContainText(/Medically reviewed by Dr\. Maya Chen, MD, FACOG on \d{1,2} \w+ \d{4}/)
  await expect(trust).toContainText(/Next review due \d{1,2} \w+ \d{4}/)
  await expect(page.getByText('First published 18 January 2025')).toBeVisible()
})

test('the article has MedicalWebPage JSON-LD, a description and a canonical URL', async ({ page }) => {
  await page.goto(ARTICLE)
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(json).toMatchObject({
    '@type': 'MedicalWebPage',
    name: 'Lumbar soreness in early pregnancy',
    datePublished: '2025-01-18T18:13:27.000Z',
    medicalAudience: { audienceType: 'Patient' },
    about: { name: 'Pregnancy' },
    reviewedBy: { '@type': 'Person', name: 'Dr. Maya Chen', hasCredential: { name: 'MD, FACOG' } },
  })
  expect(json.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await expect(page).toHaveTitle('Lumbar soreness in early pregnancy · Vetted')
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /lower back and waist pain/)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${ARTICLE}$`))
})

test('emergency and urgent warnings come before the tips; cautions after', async ({ page }) => {
  await page.goto(ARTICLE)
  const order = await page
    .locator('[data-severity], .tip')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-severity') ?? 'tip'))
  expect(order.slice(0, 2)).toEqual(['emergency', 'urgent'])
  expect(order.indexOf('caution')).toBeGreaterThan(order.lastIndexOf('tip'))
})

test('search finds published words, ranked, with the match marked', async ({ page }) => {
  // A word only the seeded article uses (other tests add many generated articles).
  await page.goto('/search?q=ectopic')
  const result = page.getByRole('link', { name: 'Lumbar soreness in early pregnancy' })
  await expect(result).toBeVisible()
  await expect(page.locator('mark').first()).toHaveText(/ectopic/i)
  await page.goto('/search?q=zzznotaword')
  await expect(page.getByRole('heading', { name: /No results/ })).toBeVisible()
})

test('sitemap and robots', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`${ARTICLE}</loc>`)
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/)
  expect(robots).toContain('Disallow: /admin')
})

test('an approval is on the page at once, and a retirement takes it off at once', async ({ page, request }) => {
  const api = new Api(request)
  const marker = unique('fresh')
  const id = await api.publish('articles', article(marker))
  const path = `/articles/${marker.toLowerCase()}`
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Article ${marker}`)
  await page.reload() // now served from the cache

  const updated = `Updated summary ${unique('u')}`
  await api.edit('articles', id, { summary: updated })
  await page.reload()
  await expect(page.getByText(`Summary ${marker}`)).toBeVisible() // pending edit: readers keep the approved text

  const started = Date.now()
  await api.approve('articles', id, await api.submit('articles', id), 'reviewer2')
  await page.reload()
  await expect(page.getByText(updated)).toBeVisible({ timeout: 1000 })
  expect(Date.now() - started).toBeLessThan(1500)

  await api.retire('articles', id, 'Withdrawn for testing.')
  const gone = await page.goto(path)
  expect(gone?.status()).toBe(410)
  await expect(page.getByTestId('tombstone')).toContainText('We retired this page')
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(path)
})

test('stored markup is shown as text, and no script from content runs', async ({ page, request }) => {
  const api = new Api(request)
  const marker = unique('markup')
  const payloadText = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>${marker}`
  await api.publish('articles', article(marker, { summary: payloadText, topic: '<b>Topic</b>' }))
  let dialogs = 0
  page.on('dialog', async (dialog) => {
    dialogs++
    await dialog.dismiss()
  })
  const ranScript = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
  await page.goto(`/articles/${marker.toLowerCase()}`)
  await expect(page.getByText(payloadText)).toBeVisible()
  expect(await ranScript()).toBeUndefined()
  for (const path of [`/search?q=${marker}`, '/', '/topics/b-topic-b']) {
    await page.goto(path)
    await page.waitForLoadState('load')
    expect(await ranScript()).toBeUndefined()
  }
  expect(dialogs).toBe(0)
})
