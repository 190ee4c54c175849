// Lighthouse on the article page, with its evidence, declarations, change log and feedback form:
// accessibility, best practices and SEO stay at 95 or more. (Performance is timed, so it is a
// benchmark, bench/lighthouse.mjs, not a test.)
import { expect, test } from '@playwright/test'
import { lighthouseScores } from '../../bench/lib/lighthouse.mjs'

test('the article page scores at least 95 for accessibility, best practices and SEO', async ({ baseURL }) => {
  test.setTimeout(120_000)
  const { scores, failing } = await lighthouseScores(`${baseURL}/articles/lumbar-soreness-in-early-pregnancy`, {
    categories: ['accessibility', 'best-practices', 'seo'],
  })
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    expect(scores[category], `${category}: ${failing.join('; ')}`).toBeGreaterThanOrEqual(95)
  }
})
