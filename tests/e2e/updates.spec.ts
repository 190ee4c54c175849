// What changed, in public: a correction is announced on the article and logged in "What
// changed", listed on /updates, and carried by the Atom feed, which parses as XML.
import { expect, test } from '@playwright/test'
import { Api, article, unique } from './support/api'

test('a correction is announced on the page, logged, listed on /updates and in a valid Atom feed', async ({ page, request }) => {
  const api = new Api(request)
  const marker = unique('CORRECTED')
  const id = await api.publish('articles', article(marker))
  await api.edit('articles', id, { summary: `Summary ${marker}: 600 mg a day` })
  const versionId = await api.submit('articles', id)
  const note = `The dose said 6000 mg (${marker}); it is 600 mg a day.`
  await api.call('reviewer', 'POST', `/articles/${id}/approve`, {
    versionId,
    reviewKind: 'minor',
    correction: true,
    changeNote: note,
    evidenceChecked: true,
    readingLevelAcknowledged: true,
  })

  await page.goto(`/articles/${marker.toLowerCase()}`)
  await expect(page.getByTestId('correction-notice')).toContainText(note)
  const log = page.getByTestId('change-log')
  await expect(log.getByRole('listitem')).toHaveCount(2)
  await expect(log.getByRole('listitem').first()).toContainText(`Correction. ${note}`)
  await expect(log.getByRole('listitem').last()).toContainText('New')

  await page.goto('/updates')
  await expect(page.getByTestId('updates').getByRole('listitem').filter({ hasText: marker }).first()).toContainText('Correction')

  const feed = await request.get('/updates.xml')
  expect(feed.headers()['content-type']).toContain('application/atom+xml')
  const xml = await feed.text()
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      titles: [...doc.getElementsByTagName('entry')].map((entry) => entry.getElementsByTagName('summary')[0]?.textContent ?? ''),
    }
  }, xml)
  expect(parsed.error).toBe(0)
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom')
  expect(parsed.titles).toContain(note)
})
