// The public record of what changed (PIF TICK and the NHS standard: openness about updates and
// mistakes). Every approval that makes a version live carries a kind and, optionally, a public
// note; a correction must say what was wrong and what changed, and is shown on the page for a
// while. Pure rules (no Payload, no I/O).
import type { ReviewKind } from './review-kind'

export const CHANGE_KINDS = ['new', 'full_review', 'minor_update', 'correction'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export const CHANGE_KIND_LABEL: Record<ChangeKind, string> = {
  new: 'New',
  full_review: 'Full clinical review',
  minor_update: 'Minor update',
  correction: 'Correction',
}

export const MAX_PUBLIC_NOTE_LENGTH = 1000
/** Days a correction is announced at the top of the page. */
export const CORRECTION_NOTICE_DAYS = 30

export const CORRECTION_NEEDS_NOTE = 'A correction needs a public note for readers: what was wrong and what changed ("changeNote").'

/** The public note as sent: trimmed, or null; or why it is refused. */
export function decideChangeNote(input: {
  correction: boolean
  note: unknown
}): { ok: true; note: string | null } | { ok: false; status: 400; message: string } {
  const { correction, note } = input
  if (note != null && typeof note !== 'string') return { ok: false, status: 400, message: '"changeNote" must be text.' }
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > MAX_PUBLIC_NOTE_LENGTH) {
    return { ok: false, status: 400, message: `"changeNote" is longer than ${MAX_PUBLIC_NOTE_LENGTH} characters.` }
  }
  if (correction && !text) return { ok: false, status: 400, message: CORRECTION_NEEDS_NOTE }
  return { ok: true, note: text || null }
}

/** What a change was, for readers: its first publication is new; a correction says so; else its review kind. */
export function changeKindOf(change: { first: boolean; correction: boolean; reviewKind: ReviewKind | null | undefined }): ChangeKind {
  if (change.first) return 'new'
  if (change.correction) return 'correction'
  return change.reviewKind === 'minor' ? 'minor_update' : 'full_review'
}

/**
 * The note and correction flag of a sign-off of several approvals: a correction when any of them
 * said so, with the completing approval's note, else the latest note given in the round.
 */
export function signOffNote(approvals: readonly { correction?: boolean | null; note?: string | null }[]): {
  correction: boolean
  note: string | null
} {
  const notes = approvals.map((approval) => approval.note?.trim()).filter((note): note is string => Boolean(note))
  return { correction: approvals.some((approval) => approval.correction === true), note: notes.at(-1) ?? null }
}

export type ChangeEntry = { at: string; kind: ChangeKind; note: string | null }

/** The correction to announce on the page: the newest, if it went live in the last 30 days. */
export function correctionNotice(log: readonly ChangeEntry[], now: Date): ChangeEntry | null {
  const latest = log.find((entry) => entry.kind === 'correction')
  if (!latest) return null
  return now.getTime() - new Date(latest.at).getTime() <= CORRECTION_NOTICE_DAYS * 86_400_000 ? latest : null
}

/**
 * Why a retired page went, in the site's own words: one reviewer retires, so what the tombstone
 * says is chosen from reviewed sentences, never typed (no one account publishes words alone).
 */
export const RETIREMENT_REASONS = {
  superseded: 'It was replaced by newer advice.',
  outdated: 'The evidence has changed, and this advice is out of date.',
  merged: 'Its advice is now part of another page.',
  withdrawn: 'We withdrew it while we check it.',
  not_relevant: 'It is no longer relevant.',
} as const
export type RetirementReason = keyof typeof RETIREMENT_REASONS

export function decideRetirementReason(reason: unknown): { ok: true; text: string | null } | { ok: false; status: 400; message: string } {
  if (reason == null || reason === '') return { ok: true, text: null }
  if (typeof reason === 'string' && Object.hasOwn(RETIREMENT_REASONS, reason))
    return { ok: true, text: RETIREMENT_REASONS[reason as RetirementReason] }
  return { ok: false, status: 400, message: `"reason" is one of ${Object.keys(RETIREMENT_REASONS).join(', ')}.` }
}
