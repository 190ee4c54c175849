// Plain language (PIF TICK: a reading age of 9 to 11; the NHS standard: plain English). The
// reading level of English text by the Flesch-Kincaid grade, with syllables counted by
// `syllable` (wooorm's maintained counter, with its English exception lists) and the grade
// formula from `flesch-kincaid` (same author). A US grade is a reading age five years older.
// Long sentences and common medical jargon are flagged with a plainer word. Pure rules.
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'

export const DEFAULT_READING_AGE_TARGET = 11
export const MIN_READING_AGE_TARGET = 7
export const MAX_READING_AGE_TARGET = 18
/** Sentences longer than this many words are flagged. */
export const LONG_SENTENCE_WORDS = 25
/** Texts shorter than this are measured but never held to the target (a title, a list item). */
const MIN_WORDS_FOR_TARGET = 30

const GRADE_TO_AGE = 5

/** Medical words with the plainer words readers know (NHS content style guide, in part). */
export const JARGON: Readonly<Record<string, string>> = {
  abdomen: 'tummy or belly',
  abdominal: 'tummy',
  acute: 'sudden or severe',
  adverse: 'harmful',
  analgesic: 'painkiller',
  analgesia: 'pain relief',
  benign: 'not cancer',
  cardiac: 'heart',
  chronic: 'long-lasting',
  contraindicated: 'should not be used',
  dyspnoea: 'shortness of breath',
  dyspnea: 'shortness of breath',
  efficacy: 'how well it works',
  gastrointestinal: 'stomach and bowel',
  haemorrhage: 'heavy bleeding',
  hemorrhage: 'heavy bleeding',
  hypertension: 'high blood pressure',
  hypotension: 'low blood pressure',
  intravenous: 'into a vein',
  malignant: 'cancer',
  myocardial: 'heart muscle',
  nausea: 'feeling sick',
  oedema: 'swelling',
  edema: 'swelling',
  oral: 'by mouth',
  prophylaxis: 'prevention',
  pruritus: 'itching',
  pyrexia: 'fever or high temperature',
  renal: 'kidney',
  subcutaneous: 'under the skin',
  symptomatic: 'with symptoms',
  utilise: 'use',
  utilize: 'use',
}

export type ReadingLevel = { words: number; sentences: number; syllables: number; grade: number; readingAge: number }

const WORD = /[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*|\d+(?:[.,]\d+)*/g

export const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[A-Za-z0-9]/.test(sentence))

const wordsOf = (text: string): string[] => text.match(WORD) ?? []

const round1 = (value: number) => Math.round(value * 10) / 10

/** Flesch-Kincaid grade and reading age of some text; null when it has no words. */
export function readingLevel(text: string): ReadingLevel | null {
  const sentences = sentencesOf(text)
  const words = sentences.flatMap(wordsOf)
  if (words.length === 0) return null
  const syllables = words.reduce((sum, word) => sum + (/^\d/.test(word) ? 1 : Math.max(1, syllable(word))), 0)
  const grade = Math.max(0, fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables }))
  return { words: words.length, sentences: sentences.length, syllables, grade: round1(grade), readingAge: round1(grade + GRADE_TO_AGE) }
}

export type LanguageFlag = { kind: 'long_sentence' | 'jargon'; text: string; suggestion?: string }

export function languageFlags(text: string): LanguageFlag[] {
  const flags: LanguageFlag[] = []
  for (const sentence of sentencesOf(text)) {
    const words = wordsOf(sentence).length
    if (words > LONG_SENTENCE_WORDS)
      flags.push({ kind: 'long_sentence', text: `${sentence.slice(0, 80)}${sentence.length > 80 ? '…' : ''} (${words} words)` })
  }
  const seen = new Set<string>()
  for (const word of wordsOf(text)) {
    const key = word.toLowerCase()
    const plain = JARGON[key]
    if (plain && !seen.has(key)) {
      seen.add(key)
      flags.push({ kind: 'jargon', text: word, suggestion: plain })
    }
  }
  return flags
}

export type FieldReading = { field: string; level: ReadingLevel | null; flags: LanguageFlag[] }

export type PlainLanguageReport = {
  target: number
  fields: FieldReading[]
  /** The whole document, all its texts together. */
  overall: ReadingLevel | null
  /** Whether the document is above the target and long enough to be held to it. */
  aboveTarget: boolean
}

/** The reading level of each text field and of the whole document, against a target reading age. */
export function plainLanguageReport(texts: { field: string; text: string }[], target = DEFAULT_READING_AGE_TARGET): PlainLanguageReport {
  const fields = texts.map(({ field, text }) => ({ field, level: readingLevel(text), flags: languageFlags(text) }))
  const overall = readingLevel(texts.map(({ text }) => text.trim().replace(/([^.!?])$/, '$1.')).join('\n'))
  const aboveTarget = overall != null && overall.words >= MIN_WORDS_FOR_TARGET && overall.readingAge > target
  return { target, fields, overall, aboveTarget }
}

export const readingAgeTargetProblem = (value: unknown): string | null =>
  value == null ||
  (typeof value === 'number' && Number.isInteger(value) && value >= MIN_READING_AGE_TARGET && value <= MAX_READING_AGE_TARGET)
    ? null
    : `A reading age target is a whole number from ${MIN_READING_AGE_TARGET} to ${MAX_READING_AGE_TARGET}.`

export const READING_LEVEL_NOT_ACKNOWLEDGED = (report: PlainLanguageReport) =>
  `This version reads at age ${report.overall?.readingAge ?? '?'}, above the target of ${report.target}: acknowledge it to approve ("readingLevelAcknowledged": true), or ask for plainer wording.`

export function decideReadingAcknowledgement(
  report: PlainLanguageReport,
  acknowledged: unknown,
): { ok: true; acknowledged: boolean } | { ok: false; status: 400 | 409; message: string } {
  if (acknowledged != null && typeof acknowledged !== 'boolean')
    return { ok: false, status: 400, message: '"readingLevelAcknowledged" is true or false.' }
  if (report.aboveTarget && acknowledged !== true) return { ok: false, status: 409, message: READING_LEVEL_NOT_ACKNOWLEDGED(report) }
  return { ok: true, acknowledged: report.aboveTarget && acknowledged === true }
}
