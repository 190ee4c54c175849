// What readers can search an article by: its own words and those of the approved
// tips and warnings it shows.
import { lexicalText } from './lexical-text'

type Shown = { title?: string | null; body?: string | null; symptoms?: string | null; action?: string | null }

export function searchTextOf(article: { title?: unknown; summary?: unknown; body?: unknown }, warnings: Shown[], tips: Shown[]): string {
  const parts: unknown[] = [article.title, article.summary, lexicalText(article.body)]
  for (const warning of warnings) parts.push(warning.title, `${warning.symptoms} ${warning.action}`)
  for (const tip of tips) parts.push(tip.title, tip.body)
  return parts.filter((part) => typeof part === 'string' && part).join('\n')
}
