// The plain-language report of one version: the reading level of each text a reader sees and
// of the whole, with long sentences and jargon, and the structure checks of rich text.
import { lexicalText } from '../../workflow/lexical-text'
import {
  plainLanguageReport,
  type PlainLanguageReport,
  REVIEWABLE,
  type ReviewableCollection,
  structureIssues,
  type StructureIssue,
} from '../../workflow'

const asText = (value: unknown) => (typeof value === 'string' ? value : value && typeof value === 'object' ? lexicalText(value) : '')

export type PlainLanguageReview = PlainLanguageReport & { structure: StructureIssue[] }

export function plainLanguageOf(collection: ReviewableCollection, content: Record<string, unknown>, target: number): PlainLanguageReview {
  const { readText, structuredText } = REVIEWABLE[collection]
  const texts = readText.map((field) => ({ field, text: asText(content[field]) }))
  const structure = structuredText.flatMap((field) => structureIssues(content[field]))
  return { ...plainLanguageReport(texts, target), structure }
}
