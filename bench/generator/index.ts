// Fills a database with realistic review history: shared tips and warnings, articles with
// long version histories, review and authorship records, workflow rows. Histories are
// planned in memory (plan.ts, hashed with the app's own contentHash) and written through
// Payload's row writer (row-writer.ts) in batched transactions, so the data is stored
// exactly as the app stores it and its trail verifies as the app's would.
import type { Payload } from 'payload'
import {
  planArticleHistory,
  planSharedHistory,
  tipContent,
  warningContent,
  type Cast,
  type PlannedHistory,
  type SharedContent,
} from './plan'
import { randomSource } from './random'
import { RowWriter } from './row-writer'

export type GenerateOptions = {
  articles: number
  versions: number
  seed?: number
  batchSize?: number
  /** Batches written at once, each in its own transaction. */
  lanes?: number
  onProgress?: (progress: { articles: number; documents: number; versions: number }) => void
}

export type GenerateReport = { articles: number; tips: number; warnings: number; versions: number; reviews: number; seconds: number }

async function castOf(payload: Payload): Promise<Cast> {
  const find = async (email: string) => {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true })
    if (!docs[0]) throw new Error(`${email} is missing: run the seed first (npm run seed).`)
    return docs[0]
  }
  const editor = await find('editor@example.com')
  const reviewers = await Promise.all(['reviewer@example.com', 'reviewer2@example.com'].map(find))
  return {
    editor: editor.id,
    reviewers: reviewers.map((r) => ({ id: r.id, displayName: r.displayName, credentials: r.credentials ?? null })),
  }
}

type Counts = { versions: number; reviews: number }

/** Writes a planned history: the live row, its versions in order, then the records that name them. */
async function writeHistory(writer: RowWriter, history: PlannedHistory, counts: Counts): Promise<number> {
  const { collection } = history
  const versionIds: string[] = []
  const reviewGroup = (group: PlannedHistory['live']['review']) => ({ ...group, approvedVersion: versionIds[group.approvedVersion] })
  const first = history.versions[0]!
  const id = await writer.create(collection, {
    ...history.live.content,
    _status: 'published',
    review: { ...history.live.review, approvedVersion: undefined },
    ...(history.live.searchText === undefined ? {} : { searchText: history.live.searchText }),
    createdAt: first.at.toISOString(),
    updatedAt: history.live.review.lastReviewedAt,
  })
  const documentId = String(id)
  for (const [index, version] of history.versions.entries()) {
    const data = { ...version.content, _status: version.status, ...(version.review ? { review: reviewGroup(version.review) } : {}) }
    const versionId = await writer.version(collection, id, data, version.at, index === history.versions.length - 1)
    versionIds.push(versionId)
    if (version.author !== undefined) {
      await writer.create('revisions', {
        documentCollection: collection,
        documentId,
        versionId,
        author: version.author,
        savedAt: version.at.toISOString(),
      })
    }
  }
  // The live row was written before its versions existed, and its review group names one of them.
  await writer.update(collection, id, { review: reviewGroup(history.live.review) })
  for (const decision of history.decisions) {
    await writer.create('reviews', {
      documentCollection: collection,
      documentId,
      documentTitle: history.title,
      versionId: versionIds[decision.version],
      contentHash: decision.contentHash,
      decision: decision.decision,
      comment: decision.comment,
      reviewer: decision.reviewer.id,
      reviewerName: decision.reviewer.displayName,
      reviewerCredentials: decision.reviewer.credentials,
      decidedAt: decision.decidedAt,
      // Each generated approval made its version live on its own, as under the default rules.
      publishes: decision.decision === 'approved',
    })
  }
  const submission = history.submission
    ? { submittedVersion: versionIds[history.submission.version], submittedBy: history.submission.by, submittedAt: history.submission.at }
    : {}
  await writer.create('workflow', {
    key: `${collection}:${id}`,
    documentCollection: collection,
    documentId,
    documentTitle: history.title,
    state: history.state,
    needsReReview: false,
    ...submission,
  })
  counts.versions += history.versions.length
  counts.reviews += history.decisions.length
  return id
}

export async function generate(payload: Payload, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now()
  const random = randomSource(options.seed ?? 20261128)
  const cast = await castOf(payload)
  const batchSize = options.batchSize ?? 50
  const now = Date.now()
  const runTag = now.toString(36)
  const tipCount = Math.min(2000, Math.max(30, Math.ceil(options.articles * 0.2)))
  const warningCount = Math.min(500, Math.max(10, Math.ceil(options.articles * 0.05)))
  const counts: Counts = { versions: 0, reviews: 0 }
  const batch = <T>(work: (writer: RowWriter) => Promise<T>) => RowWriter.inTransaction(payload, work)

  const shared = async (writer: RowWriter, collection: 'tips' | 'warnings', data: Record<string, unknown>): Promise<SharedContent> => {
    const history = planSharedHistory(random, cast, collection, data, now)
    return { id: await writeHistory(writer, history, counts), hash: history.live.review.contentHash, data }
  }
  const tips: SharedContent[] = []
  const warnings: SharedContent[] = []
  await batch(async (writer) => {
    for (let i = 0; i < tipCount; i++) tips.push(await shared(writer, 'tips', tipContent(random, `gen-${runTag}-tip-${i}`, i)))
    for (let i = 0; i < warningCount; i++)
      warnings.push(await shared(writer, 'warnings', warningContent(random, `gen-${runTag}-warning-${i}`, i)))
  })

  // Plans in order (so a seed repeats exactly), writes up to `lanes` batches at once: one
  // connection waits on PostgreSQL while the other's rows are being prepared.
  const lanes = options.lanes ?? 2
  const writing = new Set<Promise<void>>()
  let articlesWritten = 0
  for (let start = 0; start < options.articles; start += batchSize) {
    const histories: PlannedHistory[] = []
    for (let n = start; n < Math.min(options.articles, start + batchSize); n++) {
      histories.push(
        planArticleHistory(random, cast, { n, slug: `gen-${runTag}-article-${n}`, versions: options.versions, tips, warnings, now }),
      )
    }
    const written = batch(async (writer) => {
      for (const history of histories) await writeHistory(writer, history, counts)
    }).then(() => {
      articlesWritten += histories.length
      options.onProgress?.({ articles: articlesWritten, documents: tipCount + warningCount + articlesWritten, versions: counts.versions })
    })
    writing.add(written)
    void written.finally(() => writing.delete(written)).catch(() => {})
    if (writing.size >= lanes) await Promise.race(writing)
  }
  await Promise.all(writing)
  await RowWriter.vacuum(payload)

  return {
    articles: options.articles,
    tips: tipCount,
    warnings: warningCount,
    versions: counts.versions,
    reviews: counts.reviews,
    seconds: (performance.now() - started) / 1000,
  }
}
