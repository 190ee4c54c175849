// Reads an author's source text and hands out its words unchanged: every passage
// the importer uses is checked against the source, so editing never creeps in.
import { existsSync, readFileSync } from 'node:fs'

export class SeedSourceError extends Error {}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

export type SourceText = {
  title: string
  releaseDate: string
  paragraphs: string[]
  /** The passage, unchanged, after checking it appears in the source. */
  quote: (passage: string) => string
  /** The one paragraph that starts with these words. */
  paragraph: (opening: string) => string
}

export function readSourceText(file: string): SourceText {
  if (!existsSync(file)) throw new SeedSourceError(`Seed source file not found: ${file}`)
  const raw = readFileSync(file, 'utf8')
  const blocks = raw
    .split(/\r?\n\s*\r?\n/)
    .map(normalise)
    .filter(Boolean)
  const [title, releaseLine, ...paragraphs] = blocks
  const release = releaseLine?.match(/^Release time\s*:\s*(\d{2})\/(\d{2})\/(\d{4})\s+(\d{2}:\d{2}:\d{2})$/)
  if (!title || !release) {
    throw new SeedSourceError(`${file} does not start with a title and a "Release time : MM/DD/YYYY hh:mm:ss" line.`)
  }
  const [, month, day, year, time] = release
  const whole = normalise(paragraphs.join(' '))

  return {
    title,
    releaseDate: `${year}-${month}-${day}T${time}.000Z`,
    paragraphs,
    quote(passage) {
      if (!whole.includes(normalise(passage))) {
        throw new SeedSourceError(`Not in the source text (the importer must keep the author's words): "${passage}"`)
      }
      return passage
    },
    paragraph(opening) {
      const found = paragraphs.filter((p) => p.startsWith(opening))
      if (found.length !== 1) {
        throw new SeedSourceError(`Expected one paragraph starting "${opening}", found ${found.length}.`)
      }
      return found[0]!
    },
  }
}

/** The first letter upper-cased: a quoted clause made to stand as a sentence. */
export const asSentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
