import { describe, expect, it } from 'vitest'
import { hasRole, isStaff } from '@/access/roles'
import { bySeverity } from '@/lib/severity'
import { slugify } from '@/lib/slugify'
import { demoPassword } from '@seed/users'

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('Lumbar soreness in early pregnancy')).toBe('lumbar-soreness-in-early-pregnancy')
    expect(slugify('  Café: 50–75% of women!  ')).toBe('cafe-50-75-of-women')
  })
})

describe('roles', () => {
  it('recognises staff and nobody else', () => {
    expect(isStaff({ roles: ['editor'] })).toBe(true)
    expect(isStaff({ roles: [] })).toBe(false)
    expect(isStaff(null)).toBe(false)
    expect(isStaff({ roles: ['reader'] })).toBe(false)
    expect(hasRole({ roles: ['reviewer'] }, 'admin')).toBe(false)
  })
})

describe('severity order', () => {
  it('puts emergencies first', () => {
    const sorted = [{ severity: 'caution' }, { severity: 'emergency' }, { severity: 'urgent' }].sort(bySeverity as any)
    expect(sorted.map((w) => w.severity)).toEqual(['emergency', 'urgent', 'caution'])
  })
})

describe('demo password', () => {
  it('refuses the default in production', () => {
    expect(() => demoPassword({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/SEED_PASSWORD/)
    expect(demoPassword({ NODE_ENV: 'production', SEED_PASSWORD: 's3cret' } as NodeJS.ProcessEnv)).toBe('s3cret')
    expect(demoPassword({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe('vetted-demo')
  })
})
