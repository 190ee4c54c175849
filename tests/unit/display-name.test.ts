import { describe, expect, it } from 'vitest'
import { displayNameKey, invisibleCharacter, profileSlug } from '@/accounts/display-name'
import { skeleton } from '@/accounts/confusables/skeleton'

const REAL = 'Dr. Samuel Okafor'

// Each look-alike an attack got past the old fold, and a few more.
const LOOK_ALIKES: [string, string, string | null][] = [
  ['word joiner', 'Dr. Samuel Ok\u2060afor', 'U+2060'],
  ['Cyrillic а', 'Dr. Samuel Ok\u0430for', null],
  ['Cyrillic О and е', 'Dr. Samu\u0435l \u041Ekafor', null],
  ['Greek Ο', 'Dr. Samuel \u039Fkafor', null],
  ['zero-width space', 'Dr. Samuel Oka\u200Bfor', 'U+200B'],
  ['zero-width joiner', 'Dr. Samuel Ok\u200Dafor', 'U+200D'],
  ['zero-width non-joiner', 'Dr. Sam\u200Cuel Okafor', 'U+200C'],
  ['soft hyphen', 'Dr. Samuel Oka\u00ADfor', 'U+00AD'],
  ['fullwidth letters', 'Dr. \uFF33amuel Okafor', null],
  ['mathematical letters', 'Dr. \u{1D412}amuel Okafor', null],
  ['right-to-left mark', 'Dr. Samuel Okafor\u200F', 'U+200F'],
  ['rn for m', 'Dr. Sarnuel Okafor', null],
]

describe('display names', () => {
  it.each(LOOK_ALIKES)('fold a look-alike (%s) to the real name', (_, name, invisible) => {
    expect(displayNameKey(name)).toBe(displayNameKey(REAL))
    expect(invisibleCharacter(name)).toBe(invisible)
  })

  it('keep different names apart', () => {
    for (const other of ['Dr. Samuel Okafar', 'Dr. Samuel Okafor Jr', 'Dr. Sam Okafor', 'Dr. Maya Chen']) {
      expect(displayNameKey(other), other).not.toBe(displayNameKey(REAL))
    }
    // Hindi names that differ in a vowel sign are two names.
    expect(displayNameKey('राम')).not.toBe(displayNameKey('रम'))
  })

  it('take the joiners a script needs: a Persian name with ZWNJ, a Hindi conjunct with ZWJ', () => {
    const persian = 'دکتر مریم نیک\u200Cپور'
    expect(invisibleCharacter(persian)).toBeNull()
    // Without the joiner it is the same name to a reader's eye, so the same key.
    expect(displayNameKey(persian)).toBe(displayNameKey('دکتر مریم نیکپور'))
    expect(invisibleCharacter('डॉ. क्\u200Dष')).toBeNull()
    // Not at a name's edge, between two scripts, or between Latin letters.
    expect(invisibleCharacter('\u200Cمریم')).toBe('U+200C')
    expect(invisibleCharacter('مریم\u200CMaryam')).toBe('U+200C')
    expect(invisibleCharacter('Ma\u200Cryam')).toBe('U+200C')
  })

  it('use Unicode’s confusables data (TR39 skeleton)', () => {
    expect(skeleton('\u0440\u0430\u0443\u0440\u0430l')).toBe(skeleton('paypal'))
    expect(skeleton('\u{1D52D}\u{1D4B6}\u1EFF\u{1D561}\u{1D552}\u2113')).toBe(skeleton('paypal'))
    expect(skeleton('abc')).not.toBe(skeleton('abd'))
  })
})

describe('profile addresses', () => {
  it('spell the name, or add a hash where they cannot, so two people never share one', () => {
    expect(profileSlug('Dr. Maya Chen')).toBe('dr-maya-chen')
    expect(profileSlug('Wei Chen')).toBe('wei-chen')
    expect(profileSlug('Wei Chen (陈伟)')).toMatch(/^wei-chen-[0-9a-f]{10}$/)
    expect(profileSlug('陈伟')).toMatch(/^person-[0-9a-f]{10}$/)
    expect(profileSlug('Zoë Adams')).toMatch(/^zoe-adams/)
  })

  it('did not move when names came to be compared by look (values made before the change)', () => {
    expect(profileSlug('Dr. Samuel Okafor')).toBe('dr-samuel-okafor')
    expect(profileSlug('डॉ. राम शर्मा')).toBe('person-f8013207fc')
    expect(profileSlug('دکتر مریم نیک\u200Cپور')).toBe('person-9a3135f92a')
    expect(profileSlug('Dr. Ok\u2060afor')).toBe('dr-ok-afor')
    expect(profileSlug('\uFF24r. \uFF2Daya')).toBe('dr-maya')
  })
})
