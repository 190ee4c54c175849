import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable, isUnstorableText } from '@/http/database-errors'

describe('recognising an unreachable database', () => {
  it('sees connection errors, also when wrapped', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    )
  })
  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(new Error('The following field is invalid: title'))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
  })
})

describe('recognising text the database cannot store', () => {
  it('sees NUL characters refused by PostgreSQL', () => {
    expect(
      isUnstorableText(
        new Error('Failed query', {
          cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
        }),
      ),
    ).toBe(true)
    expect(isUnstorableText(new Error('duplicate key'))).toBe(false)
  })
})
