// The skeleton of a string (Unicode TR39, section 4): two strings whose skeletons are equal can
// be mistaken for each other. Built from Unicode's own confusables data (prototypes.json,
// generated from confusables.txt by scripts/generate-confusables.mjs).
import data from './prototypes.json'

const prototypes: Readonly<Record<string, string>> = data.prototypes

export const CONFUSABLES_UNICODE_VERSION: string = data.unicodeVersion

export function skeleton(text: string): string {
  let mapped = ''
  for (const character of text.normalize('NFD')) mapped += prototypes[character] ?? character
  return mapped.normalize('NFD')
}
