// The only way the public site reads content: published documents, with reader
// access (overrideAccess: false, no user), so a draft can never come back; search, topics,
// live slugs and the sitemap read the live rows in SQL (`_status = 'published'`) for speed. Cached
// under tags that approvals and retirements expire (src/cache/content-tags.ts).
import 'server-only'
import { rows as sqlRows, sql } from '../db/sql'
import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import type { Article, Review, Tip, User, Warning } from '../../payload-types'
import { BoundedCache } from '../lib/bounded-cache'
import { CONTENT_TAGS, contentGeneration } from '../cache/content-tags'
import { payloadClient } from './payload'
import { onReaderDatabase } from '../db/reader-database'
import { inReaderSnapshot } from '../db/reader-snapshot'
import { madeLive, readChangeLog, readRecentUpdates } from './public-changes'
import type { ChangeEntry } from '../workflow/change-log'
import type { Payload, PayloadRequest } from 'payload'
import { disclosureText } from '../workflow/disclosure'
import { relationId } from '../lib/document-id'
import { sharedCacheEnabled } from '../cache/shared-cache'
import { bySeverity } from '../workflow/severity'
import { groupTopics, type TopicSummary } from '../workflow/topics'

const asReader = { overrideAccess: false, draft: false } as const

export type ArticleSummary = Pick<Article, 'id' | 'title' | 'slug' | 'summary' | 'topic' | 'review' | 'updatedAt'>
const summaryColumns = { title: true, slug: true, summary: true, topic: true, review: true, updatedAt: true } as const

export type TopicPage = { topic: TopicSummary; articles: ArticleSummary[]; page: number; totalPages: number }
export const RECENT_COUNT = 8
export const TOPIC_PAGE_SIZE = 50
const SITEMAP_MAX_URLS = 50_000

/** One reviewer who signed off the live version, as they were then (from their approval record). */
export type Approver = {
  name: string
  credentials: string | null
  specialties: string[]
  /** Their public profile's address (/reviewers/[slug]). */
  profileSlug: string | null
  /** What they had declared when they approved (src/workflow/disclosure.ts). */
  disclosure: string
}

/** An author of the live version, with what they had declared when it was signed off. */
export type Author = { name: string; disclosure: string }

/** Who signed off the live version (every approver its sign-off policy needed), and when. */
export type SignOff = {
  approvers: Approver[]
  authors: Author[]
  /** The last full clinical review: a minor change keeps it (src/workflow/review-kind.ts). */
  reviewedAt: string
  /** The approval that made this version live, full review or minor change. */
  approvedAt: string
  kind: 'full' | 'minor'
  nextReviewDue: string | null
  contentHash: string
}

export type PublishedArticle = Omit<Article, 'tips' | 'warnings'> & {
  tips: Tip[]
  warnings: Warning[]
  signOff: SignOff | null
  /** What changed, newest first (src/site/public-changes.ts); empty in a staff preview. */
  changes: ChangeEntry[]
}

/** The most recently reviewed live articles, for the home page. */
export async function readRecentlyReviewed(limit = RECENT_COUNT): Promise<ArticleSummary[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...asReader,
    depth: 0,
    where: { 'review.lastReviewedAt': { exists: true } },
    limit,
    pagination: false,
    sort: '-review.lastReviewedAt',
    select: summaryColumns,
  })
  return docs as ArticleSummary[]
}

/**
 * Every topic with live articles, and how many. Topics that only drafts use never appear.
 * One grouped query over the live rows (a count per topic in parallel took one pool
 * connection per topic at once).
 */
export async function readTopics(): Promise<TopicSummary[]> {
  const payload = await payloadClient()
  const rows = await sqlRows<{ topic: string; count: number }>(
    payload,
    sql`
    select topic, count(*)::int as count from articles
    where _status = 'published' and topic is not null
    group by topic order by topic limit 10000
  `,
  )
  return groupTopics(rows.map((row) => ({ topic: String(row.topic), count: Number(row.count) })))
}

const pageCount = (topic: TopicSummary) => Math.max(1, Math.ceil(topic.count / TOPIC_PAGE_SIZE))

/**
 * One page of a topic's live articles, by title; null when the topic or the page does not
 * exist. `topics` is the list to find the slug in (read afresh when not given).
 */
export async function readTopicPage(slug: string, page: number, topics?: TopicSummary[]): Promise<TopicPage | null> {
  const topic = (topics ?? (await readTopics())).find((t) => t.slug === slug)
  if (!topic || page > pageCount(topic)) return null
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    ...asReader,
    where: { topic: { in: topic.names } },
    depth: 0,
    limit: TOPIC_PAGE_SIZE,
    page,
    sort: 'title',
    select: summaryColumns,
  })
  if (page > 1 && result.docs.length === 0) return null
  return { topic, articles: result.docs as ArticleSummary[], page, totalPages: Math.max(1, result.totalPages) }
}

export type SitemapEntry = { slug: string; lastModified: string }
type SitemapRow = { slug: string; last_modified: string | Date }

/**
 * Every live article's address, up to the 50,000 URLs one sitemap file may hold. Plain SQL
 * over the live rows, like search: through the Local API, 10,000 documents took about a
 * second of the server's single thread after every approval (22 ms this way).
 */
export async function readSitemapEntries(): Promise<SitemapEntry[]> {
  const payload = await payloadClient()
  const rows = await sqlRows<SitemapRow>(
    payload,
    sql`
    select slug, coalesce(review_last_reviewed_at, updated_at) as last_modified
    from articles where _status = 'published' order by id limit ${SITEMAP_MAX_URLS}
  `,
  )
  return rows.map((row) => ({ slug: row.slug, lastModified: new Date(row.last_modified).toISOString() }))
}

/** Every live article's slug, one per line (a string: cheap to store, read and search). */
export async function readLiveSlugs(): Promise<string> {
  const payload = await payloadClient()
  const rows = await sqlRows<{ slug: string }>(payload, sql`select slug from articles where _status = 'published'`)
  return `\n${rows.map((row) => row.slug).join('\n')}\n`
}

/** Related tips and warnings a reader may not see come back as bare ids: drop them. */
const populated = <T extends object>(items: (number | T)[] | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

type ApprovalRecord = Pick<
  Review,
  | 'id'
  | 'reviewer'
  | 'reviewerName'
  | 'reviewerCredentials'
  | 'reviewerSpecialties'
  | 'decidedAt'
  | 'contentHash'
  | 'approvalSet'
  | 'decision'
  | 'disclosures'
>
type DisclosureSnapshots = { approver?: { text?: string }; authors?: { name: string; text: string }[] }

const NO_STATEMENT = disclosureText(null)

const approverOf = (record: ApprovalRecord, slugs: Map<string, string>): Approver => ({
  name: record.reviewerName,
  credentials: record.reviewerCredentials ?? null,
  specialties: Array.isArray(record.reviewerSpecialties)
    ? record.reviewerSpecialties.filter((s): s is string => typeof s === 'string')
    : [],
  profileSlug: slugs.get(relationId(record.reviewer) ?? '') ?? null,
  disclosure: (record.disclosures as DisclosureSnapshots | null)?.approver?.text ?? NO_STATEMENT,
})

/** The authors named on the approval that completed the sign-off (the latest that names any). */
const authorsOf = (records: ApprovalRecord[]): Author[] => {
  const named = [...records].reverse().find((record) => Array.isArray((record.disclosures as DisclosureSnapshots | null)?.authors))
  return ((named?.disclosures as DisclosureSnapshots | undefined)?.authors ?? []).map((author) => ({
    name: author.name,
    disclosure: author.text,
  }))
}

const approvalColumns = {
  reviewer: true,
  reviewerName: true,
  reviewerCredentials: true,
  reviewerSpecialties: true,
  decidedAt: true,
  contentHash: true,
  approvalSet: true,
  decision: true,
  disclosures: true,
} as const

/** Reviewers' public profile addresses. */
async function profileSlugs(payload: Payload, req: Partial<PayloadRequest>, records: ApprovalRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.map((record) => relationId(record.reviewer)).filter((id): id is string => id !== null))]
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    req,
    overrideAccess: true,
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    select: { profileSlug: true },
  })
  return new Map(docs.filter((user) => user.profileSlug).map((user) => [String(user.id), user.profileSlug!]))
}

/**
 * The approval records of the live version: the one that made it live and the others its
 * policy counted with it, each as the reviewer was then (a later profile edit never changes
 * an old byline). Review records are staff-only, so these reads run with overrideAccess and
 * select only what a byline shows.
 */
async function readSignOff(article: Article, req: Partial<PayloadRequest>): Promise<SignOff | null> {
  const hash = article.review?.contentHash
  if (!hash) return null
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'reviews',
    req,
    overrideAccess: true,
    where: { and: [...madeLive(article.id), { contentHash: { equals: hash } }] },
    sort: '-decidedAt',
    limit: 1,
    depth: 0,
    select: approvalColumns,
  })
  const record = docs[0] as ApprovalRecord | undefined
  if (!record) return null
  const others = Array.isArray(record.approvalSet) ? record.approvalSet.filter((id): id is number => typeof id === 'number') : []
  const earlier = others.length
    ? ((
        await payload.find({
          collection: 'reviews',
          req,
          overrideAccess: true,
          where: { and: [{ id: { in: others } }, { contentHash: { equals: hash } }, { decision: { equals: 'approved' } }] },
          sort: 'decidedAt',
          pagination: false,
          depth: 0,
          select: approvalColumns,
        })
      ).docs as ApprovalRecord[])
    : []
  // A held sign-off's go-live names the approvals it made live; it is not an approval itself.
  const approvals = record.decision === 'went_live' ? earlier : [...earlier, record]
  const slugs = await profileSlugs(payload, req, approvals)
  return {
    approvers: approvals.map((approval) => approverOf(approval, slugs)),
    authors: authorsOf(approvals),
    reviewedAt: article.review?.lastReviewedAt ?? record.decidedAt,
    approvedAt: article.review?.approvedAt ?? record.decidedAt,
    kind: article.review?.reviewKind === 'minor' ? 'minor' : 'full',
    nextReviewDue: article.review?.nextReviewDue ?? null,
    contentHash: record.contentHash,
  }
}

/** A live article with its tips, warnings and sign-off, all read in one snapshot (src/db/reader-snapshot.ts). */
export async function readArticle(slug: string): Promise<PublishedArticle | null> {
  const payload = await payloadClient()
  return inReaderSnapshot(payload, async (req) => {
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      req,
      where: { slug: { equals: slug } },
      depth: 1,
      limit: 1,
    })
    const article = docs[0]
    if (!article) return null
    return {
      ...article,
      tips: populated(article.tips),
      warnings: populated(article.warnings).sort(bySeverity),
      signOff: await readSignOff(article, req),
      changes: await readChangeLog(payload, req, article.id),
    }
  })
}

/**
 * The latest version of an article (approved or not), for a staff preview: read
 * with that person's own access, never cached, and without a sign-off.
 */
export async function readArticlePreview(slug: string, user: User): Promise<PublishedArticle | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    user,
    draft: true,
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
  })
  const article = docs[0]
  if (!article) return null
  return { ...article, tips: populated(article.tips), warnings: populated(article.warnings).sort(bySeverity), signOff: null, changes: [] }
}

export type SearchHit = { slug: string; title: string; summary: string; snippet: string; rank: number }

/** Marks around matched words in snippets; never HTML, so nothing from the database is rendered raw. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

/** Ranked PostgreSQL full-text search over live articles only. */
export async function runSearch(query: string): Promise<SearchHit[]> {
  // NUL and lone surrogates cannot reach PostgreSQL as text: they become spaces.
  const q = query
    // eslint-disable-next-line no-control-regex -- matching NUL is the point
    .replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .trim()
    .slice(0, 200)
  if (!q) return []
  const payload = await payloadClient()
  // Rank on the stored vector, then make snippets for the page of hits only.
  return sqlRows<SearchHit>(
    payload,
    sql`
    with q as (select websearch_to_tsquery('english', ${q}) as query),
    hits as (
      select a.id, ts_rank(a.search_vector, q.query) as rank
      from articles a, q
      where a._status = 'published' and a.search_vector @@ q.query
      order by rank desc, a.id
      limit 20
    )
    select a.slug, a.title, a.summary, hits.rank,
      ts_headline('english', coalesce(a.search_text, ''), q.query,
        ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2`}) as snippet
    from hits join articles a on a.id = hits.id, q
    order by hits.rank desc, a.title
  `,
  )
}

// What pages call: the readers above behind Next.js's data cache. Approvals and
// retirements expire the tags at once; the minute is a safety net for a read that began
// before the change committed and stored its result after the expiry (Next.js would then
// take the old content for fresh), as the article pages' own revalidate is for pages.
const SAFETY_NET_SECONDS = 60
const cacheOptions = (tags: string[]) => ({ tags, revalidate: SAFETY_NET_SECONDS })
const listTags = [CONTENT_TAGS.all, CONTENT_TAGS.articleList]

export const recentlyReviewed = unstable_cache(
  () => onReaderDatabase(() => readRecentlyReviewed()),
  ['published-recent'],
  cacheOptions(listTags),
)
export const publishedTopics = unstable_cache(() => onReaderDatabase(readTopics), ['published-topics'], cacheOptions(listTags))

/**
 * Made-up topic addresses and pages past the end are answered from the cached topic list,
 * so they neither query the database nor add cache entries. Per request once (React's
 * cache): a page's metadata and its body ask for the same thing.
 */
export const publishedTopicPage = cache(async (slug: string, page: number): Promise<TopicPage | null> => {
  const topics = await publishedTopics()
  const topic = topics.find((t) => t.slug === slug)
  if (!topic || page > pageCount(topic)) return null
  return unstable_cache(
    () => onReaderDatabase(() => readTopicPage(slug, page, topics)),
    ['published-topic-page', slug, String(page)],
    cacheOptions(listTags),
  )()
})

export const recentUpdates = unstable_cache(
  async () => onReaderDatabase(async () => readRecentUpdates(await payloadClient())),
  ['published-updates'],
  cacheOptions(listTags),
)
export const sitemapEntries = unstable_cache(() => onReaderDatabase(readSitemapEntries), ['published-sitemap'], cacheOptions(listTags))

export const findPublishedArticle = cache((slug: string) =>
  unstable_cache(
    () => onReaderDatabase(() => readArticle(slug)),
    ['published-article', slug],
    cacheOptions([CONTENT_TAGS.all, CONTENT_TAGS.article(slug)]),
  )(),
)

const liveSlugs = unstable_cache(() => onReaderDatabase(readLiveSlugs), ['published-slugs'], cacheOptions(listTags))

/** Whether an address names a live article, from the cached list: made-up slugs cost no query. */
export const isLiveArticleSlug = async (slug: string): Promise<boolean> => (await liveSlugs()).includes(`\n${slug}\n`)

// Search results are kept apart from Next.js's data cache, which keeps an entry (on disk)
// for every distinct query anyone types and never evicts one: here the 500 most recently
// used, each for at most the safety-net minute, dropped when any content expires.
const SEARCH_CACHE_ENTRIES = 500
const searchResults = new BoundedCache<Promise<SearchHit[]>>(SEARCH_CACHE_ENTRIES, SAFETY_NET_SECONDS * 1000, contentGeneration)

// With several instances (the shared cache on Redis) an in-process copy would outlive an
// expiry made by another instance: results are then kept in the shared cache, whose entries
// die with the tags and within two minutes (so made-up queries do not accumulate).
const sharedSearch = (key: string) =>
  unstable_cache(() => onReaderDatabase(() => runSearch(key)), ['published-search', key], cacheOptions(listTags))()

export function searchPublished(query: string): Promise<SearchHit[]> {
  const key = query.trim().toLowerCase()
  if (sharedCacheEnabled()) return sharedSearch(key.slice(0, 200))
  const cached = searchResults.get(key)
  if (cached) return cached
  const generation = contentGeneration()
  const result = onReaderDatabase(() => runSearch(query))
  searchResults.set(key, result, generation)
  result.catch(() => searchResults.delete(key))
  return result
}
