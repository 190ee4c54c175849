import { APIError, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'
import { payloadErrorBody } from '../../src/http/payload-errors'

/** An error of another copy of Payload's classes, its class name minified as in a production build. */
function fromAnotherCopy(message: string, status: number, data: unknown = null, isPublic?: boolean) {
  const error = new (class e extends Error {})(message) as Error & Record<string, unknown>
  Object.assign(error, { status, data, isPublic, isOperational: true })
  return error
}

describe('answering a Payload error by what it carries', () => {
  it('gives the message of a public refusal, whichever copy of the class threw it', () => {
    expect(payloadErrorBody(new APIError('Only an approval publishes.', 403, undefined, true))).toEqual({
      errors: [{ message: 'Only an approval publishes.' }],
    })
    expect(payloadErrorBody(fromAnotherCopy('Only an approval publishes.', 403, null, true))).toEqual({
      errors: [{ message: 'Only an approval publishes.' }],
    })
    expect(payloadErrorBody(fromAnotherCopy('Not yours.', 409))).toEqual({ errors: [{ message: 'Not yours.' }] })
  })

  it('keeps the field list of a validation error, named as Payload names it', () => {
    const data = { collection: 'tips', errors: [{ label: 'Title', message: 'This field is required.', path: 'title' }] }
    const expected = { errors: [{ name: 'ValidationError', data, message: 'The following field is invalid: Title' }] }
    expect(payloadErrorBody(fromAnotherCopy('The following field is invalid: Title', 400, data))).toEqual(expected)
    expect(payloadErrorBody(new ValidationError({ collection: 'tips', errors: data.errors }))).toEqual(expected)
    expect(payloadErrorBody(fromAnotherCopy('Two factors needed.', 401, { requires2FA: true }))).toEqual({
      errors: [{ name: 'APIError', data: { requires2FA: true }, message: 'Two factors needed.' }],
    })
  })

  it('leaves what is not public, or not Payload’s, to Payload ("Something went wrong.")', () => {
    expect(payloadErrorBody(new APIError('connection string with a password'))).toBeUndefined()
    expect(payloadErrorBody(fromAnotherCopy('internal detail', 500))).toBeUndefined()
    expect(payloadErrorBody(fromAnotherCopy('internal detail', 400, null, false))).toBeUndefined()
    expect(payloadErrorBody(Object.assign(new Error('a bug'), { status: 400 }))).toBeUndefined()
    expect(payloadErrorBody(null)).toBeUndefined()
  })
})
