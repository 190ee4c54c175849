// A login for an address that has no account costs what a wrong password for a real one
// costs. Payload answers an unknown address as soon as its lookup finds nobody, without
// hashing (15 ms against 185 ms here), which told anyone timing the answer which addresses
// are staff accounts. For an unknown address this hook runs the same password hash against a
// fixed salt and lets Payload give its usual answer.
import crypto from 'node:crypto'
import type { CollectionBeforeOperationHook } from 'payload'

// Payload's current password hash ("pbkdf2-sha256-v1": PBKDF2-SHA256, 600,000 iterations,
// 32 bytes); tests/integration/accounts.test.ts checks that both paths hash alike.
export const PASSWORD_HASH = { digest: 'sha256', iterations: 600_000, keyLength: 32 } as const

const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

/** The work of checking `password` against a stored hash, with nothing to match. */
export const hashForNothing = (password: string): Promise<void> =>
  new Promise((resolve) =>
    crypto.pbkdf2(password, DUMMY_SALT, PASSWORD_HASH.iterations, PASSWORD_HASH.keyLength, PASSWORD_HASH.digest, () => resolve()),
  )

export const hashUnknownLogins: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  if (operation !== 'login' || typeof data?.email !== 'string' || typeof data.password !== 'string') return args
  const account = await req.payload.db.findOne({
    collection: collection.slug,
    where: { email: { equals: data.email.toLowerCase().trim() } },
    req,
  })
  if (!account) await hashForNothing(data.password)
  return args
}
