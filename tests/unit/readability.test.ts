import { describe, expect, it } from 'vitest'
import { decideReadingAcknowledgement, languageFlags, plainLanguageReport, readingLevel } from '@/workflow/readability'

describe('plain language', () => {
  it('measures plain text as easy and dense medical prose as hard', () => {
    const easy = readingLevel('Rest when you can. Drink water. Wear flat shoes. Ask your midwife if the pain gets worse.')
    const hard = readingLevel(
      'Gestational lumbopelvic symptomatology frequently necessitates multidisciplinary physiotherapeutic intervention alongside pharmacological analgesia.',
    )
    expect(easy!.readingAge).toBeLessThan(11)
    expect(hard!.readingAge).toBeGreaterThan(18)
    expect(readingLevel('')).toBeNull()
  })

  it('flags long sentences and jargon with a plainer word', () => {
    const flags = languageFlags(`${'word '.repeat(30)}ends here. Hypertension is high.`)
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'long_sentence' }),
      { kind: 'jargon', text: 'Hypertension', suggestion: 'high blood pressure' },
    ])
  })

  it('holds long texts to the target, and needs an above-target version acknowledged', () => {
    const hard = 'Gestational lumbopelvic symptomatology frequently necessitates multidisciplinary physiotherapeutic intervention. '.repeat(
      6,
    )
    const report = plainLanguageReport([{ field: 'body', text: hard }], 11)
    expect(report.aboveTarget).toBe(true)
    expect(decideReadingAcknowledgement(report, undefined)).toMatchObject({ ok: false, status: 409 })
    expect(decideReadingAcknowledgement(report, true)).toEqual({ ok: true, acknowledged: true })
    // A title alone is too short to judge.
    expect(plainLanguageReport([{ field: 'title', text: 'Symptomatology' }], 11).aboveTarget).toBe(false)
  })
})
