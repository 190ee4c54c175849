// Expected refusals are one info line; server errors keep their stack.
import { Writable } from 'node:stream'
import { APIError, Forbidden } from 'payload'
import { pino } from 'pino'
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { payloadLogger } from '@/lib/logger'

function capture() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: pino({ ...payloadLogger.options, enabled: true }, stream), lines }
}

describe('the logger', () => {
  it('logs a refusal (4xx) as one info line without a stack', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('Only an approval publishes.', 403, undefined, true) })
    logger.error({ err: new Forbidden() })
    expect(lines).toHaveLength(2)
    for (const line of lines) {
      expect(line.level).toBe(30)
      expect(JSON.stringify(line)).not.toMatch(/stack|at /)
    }
    expect(lines[0]!.msg).toBe('refused (403): Only an approval publishes.')
  })

  it('logs a refusal GraphQL wrapped as one info line too', () => {
    const { logger, lines } = capture()
    logger.error({ err: new GraphQLError('You are not allowed to perform this action.', { originalError: new Forbidden() }) })
    logger.error({ err: new GraphQLError('boom', { originalError: new Error('database exploded') }) })
    expect(lines.map((line) => line.level)).toEqual([30, 50])
    expect(lines[0]!.msg).toBe('refused (403): You are not allowed to perform this action.')
  })

  it('keeps the stack of a server error', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('database exploded', 500) })
    logger.error({ err: new Error('plain failure') })
    expect(lines.map((line) => line.level)).toEqual([50, 50])
    expect(JSON.stringify(lines)).toMatch(/stack/)
  })
})
