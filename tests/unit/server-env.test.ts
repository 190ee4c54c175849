// src/lib/server-env.ts: settings read from the environment.
import { describe, expect, it } from 'vitest'

describe('the admin origin', () => {
  it('is relative unless SERVER_URL names one, so the admin works at any address in development', async () => {
    const { adminServerUrl } = await import('@/lib/server-env')
    expect(adminServerUrl({} as NodeJS.ProcessEnv)).toBe('')
    expect(adminServerUrl({ PORT: '3000' } as unknown as NodeJS.ProcessEnv)).toBe('')
    expect(adminServerUrl({ SERVER_URL: 'https://health.example.org' } as unknown as NodeJS.ProcessEnv)).toBe('https://health.example.org')
  })
})
