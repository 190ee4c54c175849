import { describe, expect, it } from 'vitest'

describe('profile addresses', () => {
  it('spell the name, or add a hash where they cannot, so two people never share one', async () => {
    const { profileSlug } = await import('@/accounts/display-name')
    expect(profileSlug('Dr. Maya Chen')).toBe('dr-maya-chen')
    expect(profileSlug('Wei Chen')).toBe('wei-chen')
    expect(profileSlug('Wei Chen (陈伟)')).toMatch(/^wei-chen-[0-9a-f]{10}$/)
    expect(profileSlug('陈伟')).toMatch(/^person-[0-9a-f]{10}$/)
    expect(profileSlug('Zoë Adams')).toMatch(/^zoe-adams/)
  })
})
