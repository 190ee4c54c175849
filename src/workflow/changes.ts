// What changed between the version readers see and the one under review, field by
// field, in words: the reviewer's summary. Pure: no Payload, no I/O.
import { lexicalText } from '../lib/lexical-text'
import { type ReviewableCollection, REVIEWED_FIELDS, relationIds } from './hash'

export type WordSegment = { kind: 'same' | 'added' | 'removed'; text: string }

export type FieldChange = { field: string; segments: WordSegment[] }
export type RelationChange = { field: 'tips' | 'warnings'; added: string[]; removed: string[]; reordered: boolean }
export type ChangeSummary = { isNew: boolean; fields: FieldChange[]; relations: RelationChange[] }

const MAX_DIFF_WORDS = 4000

/** Word-level diff by longest common subsequence, with adjacent segments merged. */
export function diffWords(before: string, after: string): WordSegment[] {
  const a = before.match(/\S+\s*|\s+/g) ?? []
  const b = after.match(/\S+\s*|\s+/g) ?? []
  if (a.length * b.length > MAX_DIFF_WORDS * MAX_DIFF_WORDS) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: WordSegment[] = []
  const push = (kind: WordSegment['kind'], text: string) => {
    const last = out.at(-1)
    if (last && last.kind === kind) last.text += text
    else out.push({ kind, text })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!)
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('removed', a[i++]!)
    } else {
      push('added', b[j++]!)
    }
  }
  while (i < a.length) push('removed', a[i++]!)
  while (j < b.length) push('added', b[j++]!)
  return out
}

function asText(field: string, value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'object' && !Array.isArray(value)) return lexicalText(value)
  if (field === 'references' && Array.isArray(value)) {
    return value.map((ref: Record<string, unknown>) => [ref.title, ref.publisher, ref.year, ref.url].filter(Boolean).join(', ')).join('\n')
  }
  if (field === 'releaseDate' && typeof value === 'string') return value.slice(0, 10)
  return typeof value === 'string' ? value : JSON.stringify(value)
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

/** `before` is the live (last approved) content, or null if nothing was ever approved. */
export function summarizeChanges(
  collection: ReviewableCollection,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): ChangeSummary {
  const fields: FieldChange[] = []
  for (const field of REVIEWED_FIELDS[collection]) {
    const was = asText(field, before?.[field])
    const now = asText(field, after[field])
    if (was !== now) fields.push({ field, segments: diffWords(was, now) })
  }
  const relations =
    collection === 'articles'
      ? (['warnings', 'tips'] as const)
          .map((field) => relationChange(field, before?.[field], after[field]))
          .filter((change): change is RelationChange => change !== null)
      : []
  return { isNew: before === null, fields, relations }
}
