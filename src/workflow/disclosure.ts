// Conflicts of interest (NAM credibility principles; PIF TICK): every author and
// reviewer states "none" or declares their interests. Statements are kept with history (a new
// statement never overwrites the old), shown next to the byline, and copied into each approval
// so the record says what was declared when the person signed. Pure rules.

export const DISCLOSURE_KINDS = ['none', 'declared'] as const
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number]
export const MAX_DISCLOSURE_LENGTH = 2000

export type Disclosure = { kind: DisclosureKind; statement: string | null; declaredAt: string }

export function decideDisclosure(input: {
  kind: unknown
  statement: unknown
}): { ok: true; kind: DisclosureKind; statement: string | null } | { ok: false; message: string } {
  if (!DISCLOSURE_KINDS.includes(input.kind as DisclosureKind)) return { ok: false, message: 'A disclosure is "none" or "declared".' }
  if (input.statement != null && typeof input.statement !== 'string') return { ok: false, message: 'The statement must be text.' }
  const statement = typeof input.statement === 'string' ? input.statement.trim() : ''
  if (statement.length > MAX_DISCLOSURE_LENGTH)
    return { ok: false, message: `The statement is longer than ${MAX_DISCLOSURE_LENGTH} characters.` }
  if (input.kind === 'declared' && !statement) return { ok: false, message: 'A declared interest needs a statement: what the interest is.' }
  if (input.kind === 'none' && statement)
    return { ok: false, message: 'Choose "declared" to state an interest, or leave the statement empty.' }
  return { ok: true, kind: input.kind as DisclosureKind, statement: statement || null }
}

/** What readers are told. Someone who never made a statement is said to have made none, not to have none. */
export const disclosureText = (disclosure: Disclosure | null | undefined): string =>
  !disclosure
    ? 'No statement of interests on file.'
    : disclosure.kind === 'none'
      ? 'No conflicts of interest declared.'
      : `Declared interests: ${disclosure.statement}`
