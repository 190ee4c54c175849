// Plans one document's history as the app would have left it: drafts by their authors,
// approvals by a reviewer who wrote none of the approved words (each an approved draft
// version followed by the published copy), change requests, pending submissions.
// Pure: no database; versions are referred to by their position until they are written.
import { lexicalFromSections } from '../../seed/lexical'
import { searchTextOf } from '../../src/workflow/search-text'
import { addMonths, contentHash, type RelatedHashes } from '../../src/workflow'
import type { Random } from './random'

export type Collection = 'articles' | 'tips' | 'warnings'
export type Reviewer = { id: number; displayName: string; credentials: string | null }
export type Cast = { editor: number; reviewers: Reviewer[] }

/** The review group as the app stores it; the approved version is a position in `versions`. */
export type PlannedReviewGroup = {
  reviewedBy: number
  lastReviewedAt: string
  nextReviewDue: string
  approvedVersion: number
  contentHash: string
}
export type PlannedVersion = {
  content: Record<string, unknown>
  status: 'draft' | 'published'
  review?: PlannedReviewGroup
  at: Date
  /** Who saved it (drafts only: the published copy is written by the approval). */
  author?: number
}
export type PlannedDecision = {
  version: number
  decision: 'approved' | 'changes_requested'
  reviewer: Reviewer
  contentHash: string
  decidedAt: string
  comment?: string
}
export type PlannedHistory = {
  collection: Collection
  title: string
  /** The live row: the last approved content, published. */
  live: { content: Record<string, unknown>; review: PlannedReviewGroup; searchText?: string }
  versions: PlannedVersion[]
  decisions: PlannedDecision[]
  state: 'published' | 'in_review' | 'changes_requested'
  submission?: { version: number; by: number; at: string }
}

/** What an article shows of a shared tip or warning, and the hash its approval signed. */
export type SharedContent = { id: number; hash: string; data: Record<string, unknown> }

const WORDS = `back pain posture rest walking pregnancy calcium sleep side pillow support belt muscle ligament hormone
  uterus pelvis stretch gentle massage warmth shoes weight diet fruit vegetables doctor midwife symptom bleeding
  cramp fatigue movement breathing hydration water trimester week exercise swimming yoga lifting bending chair
  backrest cushion knee hip spine nerve relief prevention comfort balance routine evening morning`
  .split(/\s+/)
  .filter(Boolean)
const TOPICS = ['Pregnancy', 'Back care', 'Sleep', 'Nutrition', 'Exercise', 'Postnatal recovery', 'Pain relief']
const CATEGORIES = ['posture', 'rest', 'exercise', 'massage', 'support', 'footwear', 'nutrition', 'weight', 'safety'] as const
const STAGES = ['any', 'first-trimester', 'second-trimester', 'third-trimester', 'throughout'] as const
const SEVERITIES = ['emergency', 'urgent', 'caution'] as const
const DISCLAIMER = 'This information is for reference only and does not replace advice from a licensed medical professional.'
const HOUR = 3_600_000
const YEAR = 365 * 24 * HOUR

export const sentence = (random: Random, words: number) => {
  const text = Array.from({ length: words }, () => random.pick(WORDS)).join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
const paragraph = (random: Random) => Array.from({ length: random.int(2, 5) }, () => sentence(random, random.int(8, 16))).join(' ')
const phrase = (random: Random, min: number, max: number) => sentence(random, random.int(min, max)).slice(0, -1)

export const tipContent = (random: Random, slug: string, n: number) => ({
  title: `${phrase(random, 3, 6)} (${n})`,
  slug,
  body: paragraph(random).slice(0, 1900),
  category: random.pick(CATEGORIES),
  stage: random.pick(STAGES),
})

export const warningContent = (random: Random, slug: string, n: number) => ({
  title: `${phrase(random, 4, 7)} (${n})`,
  slug,
  severity: random.pick(SEVERITIES),
  symptoms: paragraph(random).slice(0, 1900),
  action: sentence(random, 10),
})

/** A tip or warning: drafted by the editor, approved an hour later, live since. */
export function planSharedHistory(
  random: Random,
  cast: Cast,
  collection: 'tips' | 'warnings',
  content: Record<string, unknown>,
  now: number,
): PlannedHistory {
  const drafted = new Date(now - 3 * YEAR + random.int(0, 30) * 24 * HOUR)
  const approvedAt = new Date(drafted.getTime() + HOUR)
  const reviewer = random.pick(cast.reviewers)
  const hash = contentHash(collection, content)
  const review = {
    reviewedBy: reviewer.id,
    lastReviewedAt: approvedAt.toISOString(),
    nextReviewDue: addMonths(new Date(now), 12).toISOString(),
    approvedVersion: 0,
    contentHash: hash,
  }
  return {
    collection,
    title: String(content.title),
    live: { content, review },
    versions: [
      { content, status: 'draft', at: drafted, author: cast.editor },
      { content, status: 'published', review, at: approvedAt },
    ],
    decisions: [{ version: 0, decision: 'approved', reviewer, contentHash: hash, decidedAt: review.lastReviewedAt }],
    state: 'published',
  }
}

type ArticleOptions = { n: number; slug: string; versions: number; tips: SharedContent[]; warnings: SharedContent[]; now: number }

/**
 * An article revised over three years (or, for the overdue ones, last reviewed two years ago):
 * cycles of one to three drafts, each cycle approved; some end with a submission waiting for
 * review or with changes requested.
 */
export function planArticleHistory(random: Random, cast: Cast, options: ArticleOptions): PlannedHistory {
  const { now } = options
  const shownTips = random.sample(options.tips, random.int(5, Math.min(15, options.tips.length)))
  const shownWarnings = random.sample(options.warnings, random.int(1, Math.min(5, options.warnings.length)))
  const related: RelatedHashes = {
    tips: shownTips.map((t) => ({ id: String(t.id), hash: t.hash })),
    warnings: shownWarnings.map((w) => ({ id: String(w.id), hash: w.hash })),
  }
  const base = {
    title: `${random.pick(TOPICS)}: ${phrase(random, 3, 7)} (${options.n})`,
    slug: options.slug,
    topic: random.pick(TOPICS),
    audience: 'patient',
    releaseDate: new Date(now - 3 * YEAR).toISOString(),
    disclaimer: DISCLAIMER,
    references: [],
    tips: shownTips.map((t) => t.id),
    warnings: shownWarnings.map((w) => w.id),
  }
  let revisionNumber = 0
  const revise = () => {
    const paragraphs = Array.from({ length: random.int(3, 6) }, () => paragraph(random))
    revisionNumber++
    return {
      ...base,
      summary: `${sentence(random, 14)} Revision ${revisionNumber}.`,
      body: lexicalFromSections(
        paragraphs.map((text, i) => ({ heading: ['Why it happens', 'What helps', 'When to see a doctor'][i], paragraphs: [text] })),
      ),
    }
  }

  const fate = random.next()
  const endsInReview = fate < 0.06
  const endsWithChangesRequested = fate >= 0.06 && fate < 0.09
  const overdue = fate >= 0.09 && fate < 0.14
  const total = Math.max(2, options.versions)
  const [from, to] = overdue ? [now - 4 * YEAR, now - 2 * YEAR] : [now - 3 * YEAR, now - HOUR]
  const step = (to - from) / total
  const at = (k: number) => new Date(from + k * step + random.int(0, 60_000))

  const versions: PlannedVersion[] = []
  const decisions: PlannedDecision[] = []
  let live: PlannedHistory['live'] | null = null
  let authorsSinceApproval = new Set<number>()
  const draft = () => {
    const author = random.next() < 0.85 ? cast.editor : random.pick(cast.reviewers).id
    // A draft saved after an approval still carries that approval's review group, as the form does.
    versions.push({ content: revise(), status: 'draft', review: live?.review, at: at(versions.length), author })
    authorsSinceApproval.add(author)
  }
  // Cycles of one to three drafts, each ending in an approval (the approved draft, then the
  // published copy), never leaving a single row over; then the pending drafts, if any.
  const pendingDrafts = endsInReview || endsWithChangesRequested ? Math.min(total - 2, random.int(1, 2)) : 0
  const approvedRows = total - pendingDrafts
  while (versions.length < approvedRows) {
    const remaining = approvedRows - versions.length
    let drafts = Math.max(1, Math.min(random.int(1, 3), remaining - 1))
    if (remaining - drafts - 1 === 1) drafts = drafts > 1 ? drafts - 1 : drafts + 1
    for (let d = 0; d < drafts; d++) draft()
    const approved = versions.length - 1
    const reviewer = cast.reviewers.find((r) => !authorsSinceApproval.has(r.id)) ?? cast.reviewers[0]!
    const when = at(versions.length)
    const content = versions[approved]!.content
    const hash = contentHash('articles', content, related)
    const review = {
      reviewedBy: reviewer.id,
      lastReviewedAt: when.toISOString(),
      nextReviewDue: addMonths(when, 12).toISOString(),
      approvedVersion: approved,
      contentHash: hash,
    }
    versions.push({ content, status: 'published', review, at: when })
    decisions.push({ version: approved, decision: 'approved', reviewer, contentHash: hash, decidedAt: review.lastReviewedAt })
    live = { content, review }
    authorsSinceApproval = new Set()
  }
  for (let d = 0; d < pendingDrafts; d++) draft()
  const pending = pendingDrafts > 0 ? versions.length - 1 : null
  if (!live) throw new Error('an article history needs at least one approval')
  live.searchText = searchTextOf(
    live.content,
    shownWarnings.map((w) => w.data),
    shownTips.map((t) => t.data),
  )

  const history: PlannedHistory = { collection: 'articles', title: String(base.title), live, versions, decisions, state: 'published' }
  if (pending !== null) {
    if (endsWithChangesRequested) {
      const reviewer = cast.reviewers[1]!
      history.state = 'changes_requested'
      decisions.push({
        version: pending,
        decision: 'changes_requested',
        reviewer,
        comment: 'Please add when to call a midwife.',
        contentHash: contentHash('articles', versions[pending]!.content, related),
        decidedAt: new Date(now - HOUR).toISOString(),
      })
    } else {
      history.state = 'in_review'
      history.submission = { version: pending, by: cast.editor, at: new Date(now - random.int(1, 72) * HOUR).toISOString() }
    }
  }
  return history
}
