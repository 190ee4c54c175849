// What differs between articles, tips and warnings, written down once (src/workflow/reviewable.ts).
import { describe, expect, it } from 'vitest'
import { LOCK_ORDER, REVIEWABLE, REVIEWABLE_COLLECTIONS, REVIEWED_FIELDS, SHARED_COLLECTIONS } from '@/workflow'

describe('the reviewable collections', () => {
  it('are shared exactly when some collection shows them', () => {
    const shown = new Set<string>(REVIEWABLE_COLLECTIONS.flatMap((collection) => REVIEWABLE[collection].shows))
    for (const collection of REVIEWABLE_COLLECTIONS) expect(REVIEWABLE[collection].shared, collection).toBe(shown.has(collection))
    expect([...shown].sort()).toEqual([...SHARED_COLLECTIONS].sort())
  })

  it('lock shared content before what shows it, and every collection once', () => {
    expect([...LOCK_ORDER].sort()).toEqual([...REVIEWABLE_COLLECTIONS].sort())
    for (const collection of REVIEWABLE_COLLECTIONS) {
      for (const shown of REVIEWABLE[collection].shows) expect(LOCK_ORDER.indexOf(shown)).toBeLessThan(LOCK_ORDER.indexOf(collection))
    }
  })

  it('measure and check only texts that are signed', () => {
    for (const collection of REVIEWABLE_COLLECTIONS) {
      const { readText, structuredText } = REVIEWABLE[collection]
      for (const field of [...readText, ...structuredText]) expect(REVIEWED_FIELDS[collection], `${collection}.${field}`).toContain(field)
    }
  })

  it('give a page of its own only to what does not live on other pages', () => {
    for (const collection of REVIEWABLE_COLLECTIONS) {
      if (REVIEWABLE[collection].hasPage) expect(REVIEWABLE[collection].shared, collection).toBe(false)
    }
  })
})
