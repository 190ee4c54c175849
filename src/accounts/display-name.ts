// Reviewer display names are unique as people read them, so an admin cannot create a look-alike
// of a real clinician for the byline. Two names are the same when they differ only in case,
// accents, punctuation, spacing, compatibility forms (NFKC), invisible characters, or letters of
// another script that look alike (Cyrillic "а" for Latin "a": the Unicode TR39 skeleton).
// Invisible characters are refused outright, except the zero-width joiner and non-joiner
// between letters of the scripts that write them (Persian "می‌خواهم", Hindi, Sinhala...).
import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook, TextFieldSingleValidation } from 'payload'
import { slugify } from '../lib/slugify'
import { skeleton } from './confusables/skeleton'

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'gu')
const JOINERS = new Set(['\u200C', '\u200D'])

// Scripts in which ZWNJ or ZWJ between two letters chooses a letter form or a ligature (the
// cases UTS #39 and IDNA's CONTEXTJ rules allow): Arabic script (Persian, Urdu, Kurdish...),
// Syriac, N'Ko, Mongolian and the Brahmic scripts of South and South-East Asia.
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mongolian',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Myanmar',
  'Khmer',
].map((script) => new RegExp(`^[\\p{Script=${script}}]$`, 'u'))

const joinsLettersOfOneScript = (before: string | undefined, after: string | undefined) =>
  before !== undefined && after !== undefined && JOINING_SCRIPTS.some((script) => script.test(before) && script.test(after))

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** The first invisible character a name may not contain, as "U+2060", or null. */
export function invisibleCharacter(name: string): string | null {
  const characters = [...name.normalize('NFC')]
  for (const [index, character] of characters.entries()) {
    if (!INVISIBLE.test(character)) continue
    if (JOINERS.has(character) && joinsLettersOfOneScript(characters[index - 1], characters[index + 1])) continue
    return codePoint(character)
  }
  return null
}

/** Case, accents, punctuation and spacing folded away: the readable fold profile addresses use. */
function readableFold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** What makes two display names the same to a reader; unique among people. */
export function displayNameKey(name: unknown): string {
  const visible = String(name ?? '')
    .normalize('NFKC')
    .replace(EVERY_INVISIBLE, '')
  return readableFold(skeleton(visible.toLowerCase()))
}

export const uniqueDisplayName: TextFieldSingleValidation = async (value, { id, req }) => {
  if (typeof value !== 'string' || !value.trim()) return 'Give a display name.'
  const invisible = invisibleCharacter(value)
  if (invisible) {
    return `It has an invisible character (${invisible}): type the name without it.`
  }
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { displayNameKey: { equals: displayNameKey(value) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const other = docs[0]
  return other && String(other.id) !== String(id ?? '') ? "Someone else's name looks the same: add an initial or a qualification." : true
}

/**
 * The address of a person's public profile (/reviewers/[slug]), from their display name's
 * readable fold, unique as the name is: where the address cannot spell the whole name (letters
 * beyond a-z), a short hash of the name follows, so "Wei Chen" and "Wei Chen (陈伟)" get two
 * addresses. Unchanged by the look-alike fold, so no address moved when that came.
 */
export function profileSlug(name: unknown): string {
  const key = readableFold(String(name ?? ''))
  const slug = slugify(key)
  if (slug && slug.replace(/-/g, ' ') === key) return slug
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10)
  return slug ? `${slug.slice(0, 80)}-${hash}` : `person-${hash}`
}

export const keepDisplayNameKey: CollectionBeforeChangeHook = ({ data }) =>
  data.displayName === undefined
    ? data
    : { ...data, displayNameKey: displayNameKey(data.displayName), profileSlug: profileSlug(data.displayName) }
