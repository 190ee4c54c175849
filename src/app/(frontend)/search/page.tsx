import type { Metadata } from 'next'
import Link from 'next/link'
import { Highlighted } from '@/components/Highlighted'
import { searchPublished } from '@/site/published-content'

type Props = { searchParams: Promise<{ q?: string | string[] }> }

export const metadata: Metadata = { title: 'Search', robots: { index: false } }

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? ''
  const hits = query ? await searchPublished(query) : []
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className="search-form">
        <label htmlFor="q">Search reviewed articles</label>
        <input id="q" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit">Search</button>
      </form>
      {query && (
        <section aria-live="polite" aria-labelledby="results">
          <h2 id="results">
            {hits.length === 0 ? `No results for “${query}”` : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”`}
          </h2>
          <ol className="article-list">
            {hits.map((hit) => (
              <li key={hit.slug}>
                <Link href={`/articles/${hit.slug}`}>{hit.title}</Link>
                <p>
                  <Highlighted text={hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}
