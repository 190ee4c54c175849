import { describe, expect, it } from 'vitest'
import { hasRole, isStaff } from '@/access/roles'
import { bySeverity } from '@/workflow/severity'
import { slugify } from '@/lib/slugify'
import { groupTopics, topicSlug } from '@/workflow/topics'
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

describe('topics', () => {
  it('reach readers by a slug, and names differing only in case or punctuation share a page', () => {
    expect(topicSlug('Back care')).toBe('back-care')
    expect(topicSlug('<b>Topic</b>')).toBe('b-topic-b')
    expect(topicSlug('腰痛')).toMatch(/^topic-[0-9a-f]{10}$/)
    expect(topicSlug('腰痛')).not.toBe(topicSlug('妊娠'))
    const grouped = groupTopics([
      { topic: 'Sleep', count: 2 },
      { topic: 'back care', count: 1 },
      { topic: 'Back Care', count: 3 },
      { topic: 'Drafts only', count: 0 },
    ])
    expect(grouped).toEqual([
      { slug: 'back-care', name: 'back care', names: ['back care', 'Back Care'], count: 4 },
      { slug: 'sleep', name: 'Sleep', names: ['Sleep'], count: 2 },
    ])
  })
})

describe('the admin origin', () => {
  it('is relative unless SERVER_URL names one, so the admin works at any address in development', async () => {
    const { adminServerUrl } = await import('@/lib/server-env')
    expect(adminServerUrl({} as NodeJS.ProcessEnv)).toBe('')
    expect(adminServerUrl({ PORT: '3000' } as unknown as NodeJS.ProcessEnv)).toBe('')
    expect(adminServerUrl({ SERVER_URL: 'https://health.example.org' } as unknown as NodeJS.ProcessEnv)).toBe('https://health.example.org')
  })
})
