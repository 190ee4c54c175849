// Payload's logger, with one change: an expected refusal (any 4xx: a forbidden publish, a
// wrong password, bad input) is one info line, not an error with a 40-line stack trace.
// Server errors keep their stack.
import { type Config, defaultLoggerOptions } from 'payload'

type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']

type Refusal = { status?: unknown; message?: unknown; originalError?: Refusal }

const isRefusal = (err: Refusal | undefined | null): err is Refusal =>
  Boolean(err) && typeof err!.status === 'number' && (err!.status as number) >= 400 && (err!.status as number) < 500

// GraphQL wraps the refusal (a GraphQLError around Payload's Forbidden): look inside.
const refusalOf = (entry: unknown): Refusal | null => {
  const err = (entry as { err?: Refusal } | null)?.err
  const inner = err?.originalError
  if (isRefusal(err)) return err
  return isRefusal(inner) ? inner : null
}

const options: LoggerOptions = {
  name: 'payload',
  enabled: process.env.DISABLE_LOGGING !== 'true',
  hooks: {
    logMethod(inputArgs, method) {
      const refusal = refusalOf(inputArgs[0])
      if (!refusal) return method.apply(this, inputArgs)
      return this.info(`refused (${String(refusal.status)}): ${String(refusal.message)}`)
    },
  },
}

export const payloadLogger = { options, destination: defaultLoggerOptions }
