// seed/users.ts: the demo accounts' password.
import { describe, expect, it } from 'vitest'
import { demoPassword } from '@seed/users'

describe('demo password', () => {
  it('refuses the default in production', () => {
    expect(() => demoPassword({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/SEED_PASSWORD/)
    expect(demoPassword({ NODE_ENV: 'production', SEED_PASSWORD: 's3cret' } as NodeJS.ProcessEnv)).toBe('s3cret')
    expect(demoPassword({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe('vetted-demo')
  })
})
