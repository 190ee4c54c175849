// Lighthouse on one page, with Debian's Chromium (CHROMIUM_PATH), headless, loopback only.
// Used by bench/lighthouse.mjs (all four scores) and tests/e2e/lighthouse.spec.ts (the three
// that do not time anything).
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** The scores (0-100) of the categories asked for, and the audits that failed in them. */
export async function lighthouseScores(url, { categories = CATEGORIES, formFactor = 'mobile' } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  try {
    // Lighthouse's own presets: a mid-range phone on a slow 4G network (its default), or desktop.
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
      formFactor === 'desktop' ? desktopConfig : undefined,
    )
    const { categories: scored, audits } = result.lhr
    const scores = Object.fromEntries(Object.entries(scored).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]))
    const failing = Object.values(scored).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
        .map((ref) => `${category.id}: ${ref.id} (${audits[ref.id].title})`),
    )
    return { scores, failing }
  } finally {
    await chrome.kill()
  }
}
