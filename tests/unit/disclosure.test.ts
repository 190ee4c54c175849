import { describe, expect, it } from 'vitest'
import { decideDisclosure, disclosureText } from '@/workflow/disclosure'

describe('disclosures', () => {
  it('are none, or declared with a statement', () => {
    expect(decideDisclosure({ kind: 'none', statement: '' })).toEqual({ ok: true, kind: 'none', statement: null })
    expect(decideDisclosure({ kind: 'declared', statement: '  ' })).toMatchObject({ ok: false })
    expect(decideDisclosure({ kind: 'none', statement: 'shares' })).toMatchObject({ ok: false })
    expect(decideDisclosure({ kind: 'maybe', statement: null })).toMatchObject({ ok: false })
    expect(disclosureText(null)).toBe('No statement of interests on file.')
    expect(disclosureText({ kind: 'declared', statement: 'Fees.', declaredAt: '' })).toBe('Declared interests: Fees.')
  })
})
