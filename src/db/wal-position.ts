// PostgreSQL WAL positions ('16/B374D848') as numbers that compare, and back as decimal text
// for the shared fence (src/cache/redis-cache-handler.mjs keeps it as a number).

/** The position as a bigint; null for anything that is not an LSN. */
export function parseLsn(text: unknown): bigint | null {
  if (typeof text !== 'string') return null
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim())
  if (!match) return null
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

/** A decimal-text position (as stored in the fence) as a bigint; null when malformed. */
export function parseFence(text: unknown): bigint | null {
  return typeof text === 'string' && /^\d{1,20}$/.test(text) ? BigInt(text) : null
}

export const maxPosition = (a: bigint | null, b: bigint | null): bigint | null => (a === null ? b : b === null ? a : a > b ? a : b)
