// What changed between the version readers see and the one under review, field by
// field: the reviewer's summary. Rich text is compared in its canonical form, so a
// changed link, format or list shows as well as changed words. Pure: no Payload, no I/O.
import { DIFF_LIMITS, type DiffLimits, diffText, WorkBudget, type WordSegment } from './diff'
import { canonicalJson, REVIEWED_FIELDS, relationIds } from './hash'
import { REVIEWABLE, type ReviewableCollection } from './reviewable'
import { richTextCanonical } from './rich-text-canonical'

/** `tooLarge`: over a size or work limit; the panel points to the full comparison instead. */
export type FieldChange = { field: string; segments: WordSegment[]; tooLarge?: true }
export type RelationChange = { field: 'tips' | 'warnings'; added: string[]; removed: string[]; reordered: boolean }
export type ChangeSummary = { isNew: boolean; fields: FieldChange[]; relations: RelationChange[] }

const isRichText = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as { root?: unknown }).root === 'object'

function referencesText(rows: unknown[]): string {
  return rows
    .map((row) => {
      const ref = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>
      return [
        ref.title,
        ref.authors,
        ref.publisher,
        ref.year,
        ref.type,
        ref.url,
        ref.doi && `doi:${ref.doi}`,
        ref.pmid && `PMID ${ref.pmid}`,
        ref.section && `(for ${ref.section})`,
      ]
        .filter((part) => part != null && part !== '')
        .join(', ')
    })
    .join('\n')
}

/** A field as the text the summary compares; null when too large to render. */
function fieldText(field: string, value: unknown, limits: DiffLimits): string | null {
  if (value == null) return ''
  if (isRichText(value)) return richTextCanonical(value, { maxChars: limits.maxChars })
  if (field === 'references' && Array.isArray(value)) return referencesText(value)
  if (field === 'releaseDate' && typeof value === 'string') return value.slice(0, 10)
  return typeof value === 'string' ? value : canonicalJson(value)
}

function sameValue(before: unknown, after: unknown): boolean {
  try {
    return canonicalJson(before ?? null) === canonicalJson(after ?? null)
  } catch {
    return false
  }
}

/** The change to one field, or null if a reader would see none. Never throws. */
function fieldChange(field: string, before: unknown, after: unknown, limits: DiffLimits, budget: WorkBudget) {
  const tooLarge: FieldChange = { field, tooLarge: true, segments: [] }
  try {
    const was = fieldText(field, before, limits)
    const now = fieldText(field, after, limits)
    if (was === null || now === null) return sameValue(before, after) ? null : tooLarge
    if (was === now) return null
    const segments = diffText(was, now, limits, budget)
    return segments ? { field, segments } : tooLarge
  } catch {
    // Input too deep to walk (a stack overflow) is too large to summarise, not an error.
    return tooLarge
  }
}

function relationChange(field: 'tips' | 'warnings', before: unknown, after: unknown): RelationChange | null {
  const was = relationIds(before)
  const now = relationIds(after)
  const added = now.filter((id) => !was.includes(id))
  const removed = was.filter((id) => !now.includes(id))
  const kept = now.filter((id) => was.includes(id))
  const reordered = kept.join() !== was.filter((id) => now.includes(id)).join()
  return added.length || removed.length || reordered ? { field, added, removed, reordered } : null
}

/** Rough size of a field's value, to diff small fields before big ones. */
const weight = (value: unknown) => (typeof value === 'string' ? value.length : value == null ? 0 : 1e9)

/**
 * `before` is the live (last approved) content, or null if nothing was ever approved.
 * One work budget covers the whole summary; small fields are diffed first, so a huge
 * body cannot crowd out a changed title.
 */
export function summarizeChanges(
  collection: ReviewableCollection,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  limits: DiffLimits = DIFF_LIMITS,
): ChangeSummary {
  const budget = WorkBudget.start(limits)
  const names = REVIEWED_FIELDS[collection]
  const byCost = [...names].sort((x, y) => weight(before?.[x]) + weight(after[x]) - (weight(before?.[y]) + weight(after[y])))
  const changes = new Map<string, FieldChange | null>()
  for (const field of byCost) changes.set(field, fieldChange(field, before?.[field], after[field], limits, budget))
  const fields = names.map((field) => changes.get(field)).filter((change): change is FieldChange => change != null)
  // Warnings first, as the page shows them.
  const relations = (['warnings', 'tips'] as const)
    .filter((field) => REVIEWABLE[collection].shows.includes(field))
    .map((field) => relationChange(field, before?.[field], after[field]))
    .filter((change): change is RelationChange => change !== null)
  return { isNew: before === null, fields, relations }
}
