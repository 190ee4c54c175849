// The plain-language report of one version: the reading level of each text a reader sees and
// of the whole, with long sentences and jargon, and the structure checks of rich text.
import { lexicalText } from '../lib/lexical-text'
import { plainLanguageReport, type PlainLanguageReport, type ReviewableCollection, structureIssues, type StructureIssue } from '../workflow'

/** The texts readers read, per collection (the standard disclaimer is the same everywhere: not measured). */
const READ_FIELDS: Record<ReviewableCollection, readonly string[]> = {
  articles: ['title', 'summary', 'body'],
  tips: ['title', 'body'],
  warnings: ['title', 'symptoms', 'action'],
}

const asText = (value: unknown) => (typeof value === 'string' ? value : value && typeof value === 'object' ? lexicalText(value) : '')

export type PlainLanguageReview = PlainLanguageReport & { structure: StructureIssue[] }

export function plainLanguageOf(collection: ReviewableCollection, content: Record<string, unknown>, target: number): PlainLanguageReview {
  const texts = READ_FIELDS[collection].map((field) => ({ field, text: asText(content[field]) }))
  const structure = collection === 'articles' ? structureIssues(content.body) : []
  return { ...plainLanguageReport(texts, target), structure }
}
