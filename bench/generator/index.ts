// Fills a database with realistic review history, written in Payload's own storage
// format through its database adapter (payload.db: the same tables, relationship
// rows and version rows the app writes), in batched transactions. Hashes come from
// the app's own contentHash, so the trail verifies exactly as the app's would.
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { lexicalFromSections } from '../seed/lexical'
import { searchTextOf } from '../src/lib/search-text'
import { addMonths, contentHash, type RelatedHashes } from '../src/workflow'

export type GenerateOptions = {
  articles: number
  versions: number
  seed?: number
  batchSize?: number
  onProgress?: (done: number, total: number, documents: number) => void
}

export type GenerateReport = { articles: number; tips: number; warnings: number; versions: number; reviews: number; seconds: number }

/** Deterministic pseudo-random numbers (mulberry32), so a run can be repeated. */
function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    sample: <T>(list: readonly T[], count: number): T[] => {
      const copy = [...list]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, count)
    },
  }
}

const WORDS = `back pain posture rest walking pregnancy calcium sleep side pillow support belt muscle ligament hormone
  uterus pelvis stretch gentle massage warmth shoes weight diet fruit vegetables doctor midwife symptom bleeding
  cramp fatigue movement breathing hydration water trimester week exercise swimming yoga lifting bending chair
  backrest cushion knee hip spine nerve relief prevention comfort balance routine evening morning`.split(/\s+/).filter(Boolean)
const TOPICS = ['Pregnancy', 'Back care', 'Sleep', 'Nutrition', 'Exercise', 'Postnatal recovery', 'Pain relief']
const CATEGORIES = ['posture', 'rest', 'exercise', 'massage', 'support', 'footwear', 'nutrition', 'weight', 'safety'] as const
const STAGES = ['any', 'first-trimester', 'second-trimester', 'third-trimester', 'throughout'] as const
const SEVERITIES = ['emergency', 'urgent', 'caution'] as const

type Random = ReturnType<typeof randomSource>
const sentence = (random: Random, words: number) => {
  const text = Array.from({ length: words }, () => random.pick(WORDS)).join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
const paragraph = (random: Random) => Array.from({ length: random.int(2, 5) }, () => sentence(random, random.int(8, 16))).join(' ')

const lexical = (paragraphs: string[], headings: string[]) =>
  lexicalFromSections(paragraphs.map((text, index) => ({ heading: headings[index], paragraphs: [text] })))

type People = { editor: number; reviewers: { id: number; displayName: string; credentials: string | null }[] }
type Shared = { id: number; hash: string; data: Record<string, unknown> }

async function people(payload: Payload): Promise<People> {
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

/** Writes one reviewable document's history: versions in order, review and authorship records, workflow row. */
class HistoryWriter {
  versions = 0
  reviews = 0
  constructor(
    private readonly payload: Payload,
    readonly req: PayloadRequest,
  ) {}

  async version(collection: 'articles' | 'tips' | 'warnings', parent: number, data: Record<string, unknown>, at: Date) {
    const iso = at.toISOString()
    const created = await this.payload.db.createVersion({
      autosave: false,
      collectionSlug: collection,
      parent,
      versionData: { ...data, createdAt: iso, updatedAt: iso },
      createdAt: iso,
      updatedAt: iso,
      req: this.req,
    })
    this.versions++
    return String(created.id)
  }

  async record(collection: string, data: Record<string, unknown>) {
    await this.payload.db.create({ collection: collection as 'reviews', data, req: this.req })
    if (collection === 'reviews') this.reviews++
  }
}

export async function generate(payload: Payload, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now()
  const random = randomSource(options.seed ?? 20261128)
  const cast = await people(payload)
  const batchSize = options.batchSize ?? 25
  const now = Date.now()
  const yearMs = 365 * 24 * 60 * 60 * 1000
  const runTag = Date.now().toString(36)
  const tipCount = Math.min(2000, Math.max(30, Math.ceil(options.articles * 0.2)))
  const warningCount = Math.min(500, Math.max(10, Math.ceil(options.articles * 0.05)))
  let written = 0
  let versionsTotal = 0
  let reviewsTotal = 0

  const inBatch = async <T>(work: (writer: HistoryWriter) => Promise<T>) => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const writer = new HistoryWriter(payload, req)
    try {
      const result = await work(writer)
      await commitTransaction(req)
      versionsTotal += writer.versions
      reviewsTotal += writer.reviews
      return result
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }

  /** A tip or warning: drafted by the editor, approved by a reviewer. */
  const shared = async (writer: HistoryWriter, collection: 'tips' | 'warnings', data: Record<string, unknown>): Promise<Shared> => {
    const at = new Date(now - 3 * yearMs + random.int(0, 30) * 86_400_000)
    const approver = random.pick(cast.reviewers)
    const hash = contentHash(collection, data)
    const main = await payload.db.create({ collection, data: { ...data, _status: 'draft' }, req: writer.req })
    const draftId = await writer.version(collection, main.id, { ...data, _status: 'draft' }, at)
    const review = {
      reviewedBy: approver.id,
      lastReviewedAt: new Date(at.getTime() + 3_600_000).toISOString(),
      nextReviewDue: addMonths(new Date(now), 12).toISOString(),
      approvedVersion: draftId,
      contentHash: hash,
    }
    await writer.record('revisions', { documentCollection: collection, documentId: String(main.id), versionId: draftId, author: cast.editor, savedAt: at.toISOString() })
    await writer.version(collection, main.id, { ...data, _status: 'published', review }, new Date(at.getTime() + 3_600_000))
    await payload.db.updateOne({ collection, id: main.id, data: { ...data, _status: 'published', review }, req: writer.req })
    await writer.record('reviews', {
      documentCollection: collection, documentId: String(main.id), documentTitle: data.title, versionId: draftId, contentHash: hash,
      decision: 'approved', reviewer: approver.id, reviewerName: approver.displayName, reviewerCredentials: approver.credentials,
      decidedAt: review.lastReviewedAt,
    })
    await writer.record('workflow', { key: `${collection}:${main.id}`, documentCollection: collection, documentId: String(main.id), documentTitle: data.title, state: 'published', needsReReview: false })
    written += 1
    return { id: main.id, hash, data }
  }

  const tips: Shared[] = []
  const warnings: Shared[] = []
  await inBatch(async (writer) => {
    for (let i = 0; i < tipCount; i++) {
      tips.push(await shared(writer, 'tips', {
        title: `${sentence(random, random.int(3, 6)).slice(0, -1)} (${i})`, slug: `gen-${runTag}-tip-${i}`,
        body: paragraph(random).slice(0, 1900), category: random.pick(CATEGORIES), stage: random.pick(STAGES),
      }))
    }
    for (let i = 0; i < warningCount; i++) {
      warnings.push(await shared(writer, 'warnings', {
        title: `${sentence(random, random.int(4, 7)).slice(0, -1)} (${i})`, slug: `gen-${runTag}-warning-${i}`,
        severity: random.pick(SEVERITIES), symptoms: paragraph(random).slice(0, 1900), action: sentence(random, 10),
      }))
    }
  })

  for (let start = 0; start < options.articles; start += batchSize) {
    await inBatch(async (writer) => {
      for (let n = start; n < Math.min(options.articles, start + batchSize); n++) {
        await writeArticle(writer, n)
      }
    })
    options.onProgress?.(Math.min(options.articles, start + batchSize), options.articles, written)
  }

  async function writeArticle(writer: HistoryWriter, n: number) {
    const shownTips = random.sample(tips, random.int(5, Math.min(15, tips.length)))
    const shownWarnings = random.sample(warnings, random.int(1, Math.min(5, warnings.length)))
    const related: RelatedHashes = {
      tips: shownTips.map((t) => ({ id: String(t.id), hash: t.hash })),
      warnings: shownWarnings.map((w) => ({ id: String(w.id), hash: w.hash })),
    }
    const base = {
      title: `${random.pick(TOPICS)}: ${sentence(random, random.int(3, 7)).slice(0, -1)} (${n})`,
      slug: `gen-${runTag}-article-${n}`,
      topic: random.pick(TOPICS),
      audience: 'patient',
      releaseDate: new Date(now - 3 * yearMs).toISOString(),
      disclaimer: 'This information is for reference only and does not replace advice from a licensed medical professional.',
      references: [],
      tips: shownTips.map((t) => t.id),
      warnings: shownWarnings.map((w) => w.id),
    }
    const revision = (k: number) => {
      const paragraphs = Array.from({ length: random.int(3, 6) }, () => paragraph(random))
      return { ...base, summary: `${sentence(random, 14)} Revision ${k}.`, body: lexical(paragraphs, ['Why it happens', 'What helps', 'When to see a doctor']) }
    }
    const fate = random.next()
    const endsInReview = fate < 0.06
    const endsWithChangesRequested = fate >= 0.06 && fate < 0.09
    const overdue = fate >= 0.09 && fate < 0.14
    const total = Math.max(2, options.versions)
    // Overdue articles were last reviewed two years ago; the rest up to now.
    const [from, to] = overdue ? [now - 4 * yearMs, now - 2 * yearMs] : [now - 3 * yearMs, now - 3_600_000]
    const step = (to - from) / total
    const at = (k: number) => new Date(from + k * step + random.int(0, 60_000))

    let main: { id: number } | null = null
    let live: { content: Record<string, unknown>; review: Record<string, unknown>; approver: People['reviewers'][number]; versionId: string; hash: string } | null = null
    let pending: { versionId: string; content: Record<string, unknown> } | null = null
    let authorsSinceApproval = new Set<number>()
    let rows = 0
    let k = 0
    // Cycles of drafts ending in an approval (a draft version, then the published copy).
    while (rows < total) {
      const remaining = total - rows
      const tail = remaining <= 2 && (endsInReview || endsWithChangesRequested) && live !== null
      const draftsThisCycle = tail ? remaining : Math.max(1, Math.min(3, remaining - 1))
      for (let d = 0; d < draftsThisCycle && rows < total; d++) {
        const content = revision(++k)
        const author = random.next() < 0.85 ? cast.editor : random.pick(cast.reviewers).id
        main ??= (await payload.db.create({ collection: 'articles', data: { ...content, _status: 'draft' }, req: writer.req })) as { id: number }
        const parent = main.id
        const when = at(rows)
        const versionId = await writer.version('articles', parent, { ...content, _status: 'draft' }, when)
        await writer.record('revisions', { documentCollection: 'articles', documentId: String(parent), versionId, author, savedAt: when.toISOString() })
        authorsSinceApproval.add(author)
        pending = { versionId, content }
        rows++
      }
      if (tail || rows >= total || !pending) break
      // Approve the last draft, by a reviewer who wrote none of it since the last approval.
      const approver = cast.reviewers.find((r) => !authorsSinceApproval.has(r.id)) ?? cast.reviewers[0]!
      const when = at(rows)
      const hash = contentHash('articles', pending.content, related)
      const review = {
        reviewedBy: approver.id,
        lastReviewedAt: when.toISOString(),
        nextReviewDue: addMonths(when, 12).toISOString(),
        approvedVersion: pending.versionId,
        contentHash: hash,
      }
      await writer.version('articles', main!.id, { ...pending.content, _status: 'published', review }, when)
      await writer.record('reviews', {
        documentCollection: 'articles', documentId: String(main!.id), documentTitle: pending.content.title, versionId: pending.versionId,
        contentHash: hash, decision: 'approved', reviewer: approver.id, reviewerName: approver.displayName,
        reviewerCredentials: approver.credentials, decidedAt: when.toISOString(),
      })
      live = { content: pending.content, review, approver, versionId: pending.versionId, hash }
      authorsSinceApproval = new Set()
      pending = null
      rows++
    }

    const id = main!.id
    let state: string = 'published'
    let submission = {}
    if (live) {
      const shown = { warnings: shownWarnings.map((w) => w.data), tips: shownTips.map((t) => t.data) }
      await payload.db.updateOne({
        collection: 'articles',
        id,
        data: { ...live.content, _status: 'published', review: live.review, searchText: searchTextOf(live.content, shown.warnings, shown.tips) },
        req: writer.req,
      })
    }
    if (pending) {
      state = endsWithChangesRequested ? 'changes_requested' : 'in_review'
      if (endsWithChangesRequested) {
        const reviewer = cast.reviewers[1]!
        await writer.record('reviews', {
          documentCollection: 'articles', documentId: String(id), documentTitle: pending.content.title, versionId: pending.versionId,
          contentHash: contentHash('articles', pending.content, related), decision: 'changes_requested',
          comment: 'Please add when to call a midwife.', reviewer: reviewer.id, reviewerName: reviewer.displayName,
          reviewerCredentials: reviewer.credentials, decidedAt: new Date(now - 3_600_000).toISOString(),
        })
      } else {
        submission = { submittedVersion: pending.versionId, submittedBy: cast.editor, submittedAt: new Date(now - random.int(1, 72) * 3_600_000).toISOString() }
      }
    }
    await writer.record('workflow', {
      key: `articles:${id}`, documentCollection: 'articles', documentId: String(id), documentTitle: String((pending ?? live)!.content.title),
      state, needsReReview: false, ...submission,
    })
    written += 1
  }

  return {
    articles: options.articles,
    tips: tipCount,
    warnings: warningCount,
    versions: versionsTotal,
    reviews: reviewsTotal,
    seconds: (performance.now() - started) / 1000,
  }
}
