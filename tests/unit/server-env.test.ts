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

describe('how far ahead a schedule must be', () => {
  it('is the rule’s own default unless VETTED_MIN_SCHEDULE_LEAD_SECONDS names at least one second', async () => {
    const { scheduleLeadSeconds } = await import('@/lib/server-env')
    const env = (value?: string) => ({ VETTED_MIN_SCHEDULE_LEAD_SECONDS: value }) as unknown as NodeJS.ProcessEnv
    expect(scheduleLeadSeconds(env())).toBeUndefined()
    expect(scheduleLeadSeconds(env(''))).toBeUndefined()
    expect(scheduleLeadSeconds(env('5'))).toBe(5)
    expect(scheduleLeadSeconds(env('7.9'))).toBe(7)
    for (const bad of ['0', '-3', 'soon', '0.5']) expect(scheduleLeadSeconds(env(bad)), bad).toBeUndefined()
  })
})
