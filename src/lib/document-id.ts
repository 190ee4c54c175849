// Document and version ids are PostgreSQL integers (serial). PostgreSQL also reads "021",
// " 21" and "+21" as 21, so a padded id reached the right row but was recorded under a
// phantom key ("tips:021"). Every id is taken in its one canonical spelling, or not at all.

/** The largest value of a PostgreSQL integer. */
export const MAX_DOCUMENT_ID = 2_147_483_647

/** The canonical id ("21"), or null for anything else: padded, signed, spaced, fractional, too large. */
export function canonicalId(raw: unknown): string | null {
  const text = typeof raw === 'number' ? String(raw) : raw
  if (typeof text !== 'string' || !/^[1-9]\d{0,9}$/.test(text)) return null
  return Number(text) <= MAX_DOCUMENT_ID ? text : null
}

/** The id a relationship field holds, whether Payload gave it populated (`{ id }`) or not; null when empty. */
export function relationId(value: unknown): string | null {
  if (value == null) return null
  return String(typeof value === 'object' ? (value as { id: unknown }).id : value)
}
