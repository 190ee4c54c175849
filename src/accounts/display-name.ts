// Reviewer display names are unique, compared folded (case, accents, punctuation and spacing
// ignored), so an admin cannot create a look-alike of a real clinician for the byline.
import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook, TextFieldSingleValidation } from 'payload'
import { slugify } from '../lib/slugify'

export function displayNameKey(name: unknown): string {
  return String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export const uniqueDisplayName: TextFieldSingleValidation = async (value, { id, req }) => {
  if (typeof value !== 'string' || !value.trim()) return 'Give a display name.'
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { displayNameKey: { equals: displayNameKey(value) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const other = docs[0]
  return other && String(other.id) !== String(id ?? '')
    ? 'Someone already has this display name: add a middle initial or a qualification to tell the two apart.'
    : true
}

/**
 * The address of a person's public profile (/reviewers/[slug]), from their display name, unique
 * as the folded name is: where the address cannot spell the whole name (letters beyond a-z),
 * a short hash of the name follows, so "Wei Chen" and "Wei Chen (陈伟)" get two addresses.
 */
export function profileSlug(name: unknown): string {
  const key = displayNameKey(name)
  const slug = slugify(key)
  if (slug && slug.replace(/-/g, ' ') === key) return slug
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10)
  return slug ? `${slug.slice(0, 80)}-${hash}` : `person-${hash}`
}

export const keepDisplayNameKey: CollectionBeforeChangeHook = ({ data }) =>
  data.displayName === undefined
    ? data
    : { ...data, displayNameKey: displayNameKey(data.displayName), profileSlug: profileSlug(data.displayName) }
