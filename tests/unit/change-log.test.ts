import { describe, expect, it } from 'vitest'
import { changeKindOf, correctionNotice, decideChangeNote, signOffNote } from '@/workflow/change-log'
import { atomFeed } from '@/site/atom'

describe('the public change log', () => {
  it('names a change: its first publication is new, a correction says so, else its review kind', () => {
    expect(changeKindOf({ first: true, correction: true, reviewKind: 'minor' })).toBe('new')
    expect(changeKindOf({ first: false, correction: true, reviewKind: 'full' })).toBe('correction')
    expect(changeKindOf({ first: false, correction: false, reviewKind: 'minor' })).toBe('minor_update')
    expect(changeKindOf({ first: false, correction: false, reviewKind: 'full' })).toBe('full_review')
    expect(changeKindOf({ first: false, correction: false, reviewKind: null })).toBe('full_review')
  })

  it('wants a note for a correction, text of at most 1000 characters, trimmed', () => {
    expect(decideChangeNote({ correction: true, note: null })).toMatchObject({ ok: false, status: 400 })
    expect(decideChangeNote({ correction: true, note: '  ' })).toMatchObject({ ok: false, status: 400 })
    expect(decideChangeNote({ correction: false, note: 7 })).toMatchObject({ ok: false, status: 400 })
    expect(decideChangeNote({ correction: false, note: 'x'.repeat(1001) })).toMatchObject({ ok: false, status: 400 })
    expect(decideChangeNote({ correction: false, note: '  ' })).toEqual({ ok: true, note: null })
    expect(decideChangeNote({ correction: true, note: ' Dose fixed. ' })).toEqual({ ok: true, note: 'Dose fixed.' })
  })

  it('gives a sign-off of several approvals the latest note, and makes it a correction if any approval said so', () => {
    expect(
      signOffNote([
        { correction: true, note: 'First words.' },
        { correction: false, note: null },
      ]),
    ).toEqual({ correction: true, note: 'First words.' })
    expect(signOffNote([{ note: 'First.' }, { note: 'Completing.' }])).toEqual({ correction: false, note: 'Completing.' })
    expect(signOffNote([])).toEqual({ correction: false, note: null })
  })

  it('announces the newest correction for 30 days', () => {
    const now = new Date('2026-11-29T12:00:00Z')
    const log = [
      { at: '2026-11-20T12:00:00Z', kind: 'minor_update' as const, note: null },
      { at: '2026-11-10T12:00:00Z', kind: 'correction' as const, note: 'Dose fixed.' },
      { at: '2026-09-01T12:00:00Z', kind: 'correction' as const, note: 'Older.' },
    ]
    expect(correctionNotice(log, now)?.note).toBe('Dose fixed.')
    expect(correctionNotice(log, new Date('2026-12-11T12:00:00Z'))).toBeNull()
    expect(correctionNotice([], now)).toBeNull()
  })
})

describe('the Atom feed', () => {
  it('escapes every value, so no title or note can break it or add markup', () => {
    const xml = atomFeed({
      id: 'https://example.org/updates',
      title: 'Vetted & co',
      self: 'https://example.org/updates.xml',
      site: 'https://example.org/updates',
      updated: '2026-11-29T12:00:00.000Z',
      entries: [
        {
          id: 'https://example.org/updates#1',
          title: '<script>alert(1)</script> "x"',
          updated: '2026-11-29T12:00:00.000Z',
          link: 'https://example.org/a?b=1&c=2',
          summary: 'bad\u0001char',
        },
      ],
    })
    expect(xml).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;</title>')
    expect(xml).toContain('href="https://example.org/a?b=1&amp;c=2"')
    expect(xml).toContain('<title>Vetted &amp; co</title>')
    expect(xml).toContain('<summary>badchar</summary>')
    expect(xml).not.toContain('<script>')
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true)
  })
})
