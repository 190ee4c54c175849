// Imports the seed content through the real review path: an editor drafts and
// submits, a medical reviewer approves. Idempotent: what is already there is left as is.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLocalReq, type Payload } from 'payload'
import type { User } from '../payload-types'
import { performAction } from '../src/review/actions/perform-action'
import type { PolicyRule, ReviewableCollection } from '../src/workflow'
import { lumbarSorenessContent, PENDING_REVISION } from './content/lumbar-soreness'
import { readSourceText } from './source-text'
import { DEMO_USERS, type DemoUser } from './users'
import { SEED_DISCLOSURES, SEED_SOURCES } from './evidence'

export const DEFAULT_SOURCE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lumbar-soreness-early-pregnancy.txt')

export type SeedReport = { created: string[]; unchanged: string[] }
export type SeedOptions = { password: string; sourceFile?: string; log?: (line: string) => void }

const EDITOR = 'editor@example.com'
const REVIEWER = 'reviewer@example.com'
const SECOND_REVIEWER = 'reviewer2@example.com'

/** A sensible start, shown at work by the seed: an emergency warning needs two reviewers. */
export const DEFAULT_POLICY_RULES = [
  { name: 'Emergency warnings: two reviewers', collection: 'warnings', severity: 'emergency', approvals: 2, specialties: [] },
] satisfies (PolicyRule & { severity?: 'emergency' | 'urgent' | 'caution' })[]

export async function seed(
  payload: Payload,
  { password, sourceFile = DEFAULT_SOURCE_FILE, log = () => {} }: SeedOptions,
): Promise<SeedReport> {
  // Read and check the source before touching the database.
  const content = lumbarSorenessContent(readSourceText(sourceFile))
  const report: SeedReport = { created: [], unchanged: [] }
  const note = (created: boolean, label: string) => {
    ;(created ? report.created : report.unchanged).push(label)
    log(`${created ? 'created  ' : 'unchanged'} ${label}`)
  }

  const users = new Map<string, User>()
  for (const demo of DEMO_USERS) {
    const { user, created } = await ensureUser(payload, demo, password)
    users.set(demo.email, user)
    note(created, `user ${demo.email}`)
  }
  const as = (email: string) => createLocalReq({ user: { ...users.get(email)!, collection: 'users' } }, payload)

  // Each demo person's declaration of interests, once.
  for (const [email, declaration] of Object.entries(SEED_DISCLOSURES)) {
    const person = users.get(email)!
    const { totalDocs } = await payload.count({ collection: 'disclosures', where: { person: { equals: person.id } } })
    if (totalDocs === 0)
      await payload.create({ collection: 'disclosures', data: { person: person.id, ...declaration }, req: await as(email) })
    note(totalDocs === 0, `declaration of interests of ${email}`)
  }
  // The evidence library: each source once, by title.
  const citations = []
  for (const { section, ...source } of SEED_SOURCES) {
    const { docs } = await payload.find({ collection: 'sources', where: { title: { equals: source.title } }, limit: 1, depth: 0 })
    const id = docs[0]?.id ?? (await payload.create({ collection: 'sources', data: source, req: await as(EDITOR) })).id
    note(!docs[0], `source "${source.title}"`)
    citations.push({ source: id, ...(section ? { section } : {}) })
  }

  // The default sign-off rules, once: a policy an admin has saved (even emptied) is theirs.
  const policy = await payload.findGlobal({ slug: 'review-policy', depth: 0 })
  if (!policy.updatedAt) {
    await payload.updateGlobal({ slug: 'review-policy', data: { rules: DEFAULT_POLICY_RULES }, depth: 0 })
    note(true, `sign-off rules: ${DEFAULT_POLICY_RULES.map((rule) => rule.name).join('; ')}`)
  } else {
    note(false, 'sign-off rules')
  }

  /** Drafted by the editor, submitted, and approved by the reviewer (and a second where the rules want two). */
  const ensureApproved = async (collection: ReviewableCollection, data: Record<string, unknown> & { slug: string }) => {
    const { docs } = await payload.find({ collection, where: { slug: { equals: data.slug } }, draft: true, limit: 1, depth: 0 })
    if (docs[0]) {
      note(false, `${collection} ${data.slug}`)
      return { id: docs[0].id, created: false }
    }
    const draft = await payload.create({ collection, data: data as never, draft: true, req: await as(EDITOR) })
    const target = { collection, id: String(draft.id) }
    const { versionId } = await performAction(await as(EDITOR), target, 'submit', {})
    const comment = 'Imported from the source text and reviewed.'
    const checked = { evidenceChecked: true, readingLevelAcknowledged: true }
    const first = await performAction(await as(REVIEWER), target, 'approve', { versionId, comment, ...checked })
    const approvers = [REVIEWER]
    if (first.state !== 'published') {
      await performAction(await as(SECOND_REVIEWER), target, 'approve', { versionId, comment, ...checked })
      approvers.push(SECOND_REVIEWER)
    }
    note(true, `${collection} ${data.slug} (approved by ${approvers.join(' and ')})`)
    return { id: draft.id, created: true }
  }

  const warningIds = []
  for (const warning of content.warnings) warningIds.push((await ensureApproved('warnings', warning)).id)
  const tips = new Map<string, { id: number; created: boolean }>()
  for (const tip of content.tips) tips.set(tip.slug, await ensureApproved('tips', tip))
  const article = await ensureApproved('articles', {
    ...content.article,
    references: citations,
    warnings: warningIds,
    tips: [...tips.values()].map((tip) => tip.id),
  })

  // A fresh install shows the queue at work: one small edit waiting for review.
  const pending = tips.get(PENDING_REVISION.slug)
  if (article.created && pending) {
    const target = { collection: 'tips' as const, id: String(pending.id) }
    await payload.update({ collection: 'tips', id: pending.id, data: PENDING_REVISION.change, draft: true, req: await as(EDITOR) })
    await performAction(await as(EDITOR), target, 'submit', {})
    note(true, `pending revision of tips ${PENDING_REVISION.slug}, in review`)
  }
  return report
}

async function ensureUser(payload: Payload, user: DemoUser, password: string): Promise<{ user: User; created: boolean }> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1 })
  if (docs[0]) return { user: docs[0], created: false }
  return { user: await payload.create({ collection: 'users', data: { ...user, password } }), created: true }
}
