import { describe, expect, it } from 'vitest'
import { hasRole, isStaff } from '@/access/roles'

describe('roles', () => {
  it('recognises staff and nobody else', () => {
    expect(isStaff({ roles: ['editor'] })).toBe(true)
    expect(isStaff({ roles: [] })).toBe(false)
    expect(isStaff(null)).toBe(false)
    expect(isStaff({ roles: ['reader'] })).toBe(false)
    expect(hasRole({ roles: ['reviewer'] }, 'admin')).toBe(false)
  })
})
