// Topics are free text typed by editors; readers reach them by a slug made from the name.
// Names that differ only in case or punctuation share a slug, and so one page.

import { createHash } from 'node:crypto'
import { slugify } from '../lib/slugify'

export type TopicSummary = { slug: string; name: string; names: string[]; count: number }

export function topicSlug(topic: string): string {
  // Names with no Latin letters or digits (e.g. in another script) keep pages of their own.
  return slugify(topic) || `topic-${createHash('sha256').update(topic.normalize('NFC')).digest('hex').slice(0, 10)}`
}

/** Merges topics by slug (first-seen name shown), sorted by name. */
export function groupTopics(topics: { topic: string; count: number }[]): TopicSummary[] {
  const bySlug = new Map<string, TopicSummary>()
  for (const { topic, count } of topics) {
    if (count === 0) continue
    const slug = topicSlug(topic)
    const known = bySlug.get(slug)
    if (known) {
      known.names.push(topic)
      known.count += count
    } else bySlug.set(slug, { slug, name: topic, names: [topic], count })
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name))
}
