import { describe, expect, it } from 'vitest'
import { slugify } from '@/lib/slugify'

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('Lumbar soreness in early pregnancy')).toBe('lumbar-soreness-in-early-pregnancy')
    expect(slugify('  Café: 50–75% of women!  ')).toBe('cafe-50-75-of-women')
  })
})
