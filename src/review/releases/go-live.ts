// Held sign-offs going live: every member of a release, or one scheduled version, in one
// transaction (live rows, trail, search text, re-review flags, the release's state and the
// cache expiry's outbox row), or nothing at all. Exactly the signed-off versions go live,
// never a newer draft; each is checked under its row lock first: its sign-off still held, its
// hash still what was signed, and in a release nothing saved since its approval.
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types'
import {
  isCurrentSchedule,
  isShared,
  LOCK_ORDER,
  pinnedGoLive,
  policyProgress,
  RELEASE_STATE_LABEL,
  type ReleaseState,
  releaseReadiness,
  REVIEWABLE,
  reviewDates,
  type ReviewableCollection,
  relationIds,
  SHARED_COLLECTIONS,
  stricterOf,
} from '../../workflow'
import type { Review } from '../../../payload-types'
import { asCounted, policyOfContent, stillEligible } from '../data/sign-off-policy'
import { expireContent } from '../../cache/content-tags'
import { readerImpact } from '../actions/reader-impact'
import { publishExpiry, recordExpiry } from '../../cache/expiry-outbox'
import { refreshProxy } from '../../cache/proxy-refresh'
import { rowsInRequest, sql, tableOf } from '../../db/sql'
import { inTransaction, lockDocumentRows } from '../../db/transactions'
import { ApiError } from '../../http/errors'
import { type Facts, readFacts, type Target } from '../data/facts'
import { type HeldSignOff, heldSignOffOf } from '../data/held-sign-off'
import { type ContentDoc, createReview, findVersion, findReviewState, publishedArticlesUsing, saveReviewState } from '../data/repository'
import { reviewIntervalMonths } from '../data/review-intervals'
import { assertShownAreLocked, sharedContentChanged } from '../data/shared-content'
import { clearedSubmission, contentOf, hashOf, reviewRecord } from '../data/sign-off-records'
import { asReviewWrite } from '../data/review-writes'
import { notifyWentLive } from './notices'

export type GoLivePlan = {
  members: Target[]
  /** The release going live, or null for one version scheduled on its own. */
  release: { id: number; name: string } | null
  /** The reviewer who made it live now, or who scheduled it. */
  actor: User
  /** The time it was scheduled for, if it was. */
  plannedFor: string | null
}

/** The go-live a job was queued for was moved, unscheduled or done meanwhile: nothing to do, nobody to tell. */
export class ScheduleMoved extends Error {}

export type GoLiveResult = { wentLiveAt: string; members: { collection: ReviewableCollection; id: string; versionId: string }[] }

type Loaded = { target: Target; facts: Facts; held: HeldSignOff | null; content: ContentDoc | null; title: string }

// Shared content first, then articles, each by id: the lock order of every workflow action (src/review/data/shared-content.ts).
export const inLockOrder = (targets: readonly Target[]): Target[] =>
  [...targets].sort((a, b) => LOCK_ORDER.indexOf(a.collection) - LOCK_ORDER.indexOf(b.collection) || Number(a.id) - Number(b.id))
const idsIn = (members: Target[], collection: ReviewableCollection) => members.filter((m) => m.collection === collection).map((m) => m.id)

export async function goLive(req: PayloadRequest, plan: GoLivePlan): Promise<GoLiveResult> {
  if (req.transactionID) throw new Error('goLive runs in its own transaction: call it with a request that has none.')
  const { result, expire, pages, outboxId } = await inTransaction(req, async () => {
    // Before any row lock: see src/review/data/review-intervals.ts for the lock order.
    const intervals = new Map<ReviewableCollection, number>()
    for (const collection of new Set(plan.members.map((m) => m.collection)))
      intervals.set(collection, await reviewIntervalMonths(req, collection))
    if (plan.release) {
      const [row] = await rowsInRequest<{ state: string; at: string | null }>(
        req,
        sql`select state::text as state, go_live_at::text as at from releases where id = ${plan.release.id} for no key update`,
      )
      // A job goes ahead only if the release is still scheduled for its time (checked under the lock).
      if (plan.plannedFor && (row?.state !== 'scheduled' || !isCurrentSchedule(row.at, plan.plannedFor))) throw new ScheduleMoved()
      if (!row) throw new ApiError(409, `The release "${plan.release.name}" no longer exists.`)
      if (row.state !== 'submitted' && row.state !== 'scheduled') {
        const state = RELEASE_STATE_LABEL[row.state as ReleaseState]?.toLowerCase() ?? row.state
        throw new ApiError(
          409,
          `The release "${plan.release.name}" cannot go live: it is ${state}, and only a submitted or scheduled release goes live.`,
        )
      }
    }
    const loaded = await lockAndLoad(req, plan)
    if (!plan.release && plan.plannedFor) {
      for (const { facts, held } of loaded) {
        if (held?.releaseId !== null || !isCurrentSchedule(facts.reviewState?.goLiveAt, plan.plannedFor)) throw new ScheduleMoved()
      }
    }
    await verify(req, plan, loaded)
    const wentLiveAt = new Date().toISOString()
    const changedArticleSlugs: string[] = []
    for (const member of loaded)
      changedArticleSlugs.push(...(await publishHeld(req, plan, member, intervals.get(member.target.collection)!)))
    if (plan.release) {
      await req.payload.update({
        collection: 'releases',
        id: plan.release.id,
        data: { state: 'live', wentLiveAt, problem: null },
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    await notifyWentLive(req, plan, loaded)
    const impact = impactOf(loaded, changedArticleSlugs)
    const result: GoLiveResult = {
      wentLiveAt,
      members: loaded.map(({ target, held }) => ({ ...target, versionId: held!.versionId })),
    }
    return { result, ...impact, outboxId: await recordExpiry(req, impact.expire) }
  })
  // After the commit, before the answer: as for an approval (actions/perform-action.ts).
  if (expire.length > 0) await publishExpiry(req.payload, outboxId, expire, expireContent)
  refreshProxy(pages)
  return result
}

async function lockAndLoad(req: PayloadRequest, plan: GoLivePlan): Promise<Loaded[]> {
  const members = inLockOrder(plan.members)
  // The tips and warnings going live, and those the articles' held versions show (so they cannot
  // change under them; checked again below), each collection in one statement, in id order: two
  // go-lives whose shared content crosses cannot deadlock.
  const shown = { tips: new Set(idsIn(members, 'tips')), warnings: new Set(idsIn(members, 'warnings')) }
  const articleIds = idsIn(members, 'articles')
  for (const id of articleIds) {
    const held = heldSignOffOf(await findReviewState(req, 'articles', id))
    const version = held ? await findVersion(req, 'articles', held.versionId) : null
    for (const tip of relationIds(version?.content.tips)) shown.tips.add(tip)
    for (const warning of relationIds(version?.content.warnings)) shown.warnings.add(warning)
  }
  await lockDocumentRows(req, 'tips', [...shown.tips], 'update')
  await lockDocumentRows(req, 'warnings', [...shown.warnings], 'update')
  // The articles, and the live articles that show a tip or warning going live (flagged for re-review).
  const showing: string[] = []
  for (const collection of SHARED_COLLECTIONS) {
    for (const id of idsIn(members, collection))
      showing.push(...(await publishedArticlesUsing(req, collection, id)).map((a) => String(a.id)))
  }
  await lockDocumentRows(req, 'articles', [...articleIds, ...showing], 'update')
  const loaded: Loaded[] = []
  for (const target of members) {
    const facts = await readFacts(req, target)
    const held = heldSignOffOf(facts.reviewState)
    const version = held ? await findVersion(req, target.collection, held.versionId) : null
    if (held && (!version || version.parent !== target.id)) throw new ApiError(409, 'A signed-off version no longer exists.')
    if (REVIEWABLE[target.collection].shows.length > 0 && version) assertShownAreLocked(version.content, shown)
    const title = String(version?.content.title ?? facts.latest?.content.title ?? facts.doc.title ?? `#${target.id}`)
    loaded.push({ target, facts, held, content: version?.content ?? null, title })
  }
  return loaded
}

/** Refuses (409, nothing written) unless every member may go live now, exactly as signed. */
async function verify(req: PayloadRequest, plan: GoLivePlan, loaded: Loaded[]) {
  const releaseId = plan.release?.id ?? null
  const heldHere = (held: HeldSignOff | null) => (held && held.releaseId === releaseId ? held : null)
  const pending = new Map(
    loaded
      .filter(({ target }) => isShared(target.collection))
      .map(({ target, held }) => [`${target.collection}:${target.id}`, heldHere(held)?.contentHash ?? null]),
  )
  const members = []
  for (const { target, facts, held, content, title } of loaded) {
    const signOff = heldHere(held) && content && (await approvalsStillMeetPolicy(req, target, held!, content)) ? held : null
    const currentHash = signOff && content ? await hashOf(req, target.collection, content, false, plan.release ? pending : undefined) : null
    members.push({
      ...target,
      title,
      latestVersionId: facts.latest?.id ?? null,
      signOff: signOff ? { versionId: signOff.versionId, contentHash: signOff.contentHash } : null,
      currentHash,
    })
  }
  if (plan.release) {
    const readiness = releaseReadiness(members)
    if (!readiness.ready) {
      const blocking = members.filter((_, i) => readiness.members[i]!.status !== 'approved').map((m) => `"${m.title}"`)
      throw new ApiError(409, `The release "${plan.release.name}" is not ready: ${readiness.summary} (${blocking.join(', ')}).`)
    }
    return
  }
  for (const member of members) {
    const check = pinnedGoLive(member)
    if (!check.ok) throw new ApiError(409, `"${member.title}" cannot go live: ${check.message}.`)
  }
}

/**
 * Whether the held sign-off's approvals still meet the rules: each approver still a reviewer
 * with a current registration (stillEligible), under the stricter of the rules at the sign-off
 * and now. A sign-off held for weeks does not go live on an approval that no longer counts.
 */
async function approvalsStillMeetPolicy(req: PayloadRequest, target: Target, held: HeldSignOff, content: ContentDoc): Promise<boolean> {
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: { and: [{ id: { in: held.approvalIds } }, { decision: { equals: 'approved' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const eligible = await stillEligible(req, docs as Review[])
  const now = await policyOfContent(req, target.collection, content)
  const policy = held.policy ? stricterOf(held.policy, now) : now
  return policyProgress(policy, eligible.map(asCounted), { versionId: held.versionId, contentHash: held.contentHash }).met
}

/** One member: its signed-off version becomes the live row; a newer draft stays the latest version. */
async function publishHeld(req: PayloadRequest, plan: GoLivePlan, member: Loaded, intervalMonths: number): Promise<string[]> {
  const { target, facts, title } = member
  const held = member.held!
  const content = member.content!
  const previous = facts.doc.review as { lastReviewedAt?: string | null; nextReviewDue?: string | null } | undefined
  const dates = reviewDates({ kind: held.reviewKind, now: new Date(held.signedOffAt), previous, intervalMonths })
  await asReviewWrite(req, () =>
    req.payload.update({
      collection: target.collection,
      id: target.id,
      data: {
        ...contentOf(content),
        _status: 'published',
        review: {
          reviewedBy: held.reviewedBy,
          ...dates,
          reviewKind: held.reviewKind,
          approvedVersion: held.versionId,
          contentHash: held.contentHash,
        },
      } as never,
      draft: false,
      overrideAccess: true,
      depth: 0,
      req,
    }),
  )
  const newerDraft = facts.latest && facts.latest.id !== held.versionId ? facts.latest.id : null
  if (newerDraft) await keepLatest(req, target, newerDraft)
  const why = plan.release ? `Went live with the release "${plan.release.name}"` : 'Went live at its scheduled time'
  await createReview(req, {
    ...reviewRecord(plan.actor, target, title, held.versionId, held.contentHash),
    decision: 'went_live',
    comment: plan.plannedFor ? `${why} (scheduled for ${plan.plannedFor}).` : `${why}.`,
    publishes: true,
    approvalSet: held.approvalIds,
    reviewKind: held.reviewKind,
    publicNote: held.publicNote ?? null,
    correction: held.correction ?? false,
    signedOffAt: held.signedOffAt,
    release: plan.release?.id ?? null,
  })
  const done = { heldSignOff: null, goLiveAt: null, goLiveScheduledBy: null, needsReReview: false, reReviewReason: null }
  // With a newer draft the document stays where its editor left it (a draft, or in review).
  await saveReviewState(req, target.collection, target.id, newerDraft ? done : { state: 'published', ...clearedSubmission, ...done })
  const { collection } = target
  if (!isShared(collection)) return []
  const change = plan.release ? `went live with the release "${plan.release.name}"` : 'has a newly approved version'
  return sharedContentChanged(req, collection, target.id, title, change)
}

/**
 * Publishing stores the published version as the newest; the editor's newer draft must stay
 * the latest version (it is what they work on and may have submitted). Versions are immutable
 * except for this flag.
 */
async function keepLatest(req: PayloadRequest, target: Target, versionId: string) {
  const table = sql.identifier(`_${tableOf(req.payload, target.collection)}_v`)
  await rowsInRequest(
    req,
    sql`update ${table} set latest = (id = ${Number(versionId)}) where parent_id = ${Number(target.id)} and (latest or id = ${Number(versionId)})`,
  )
}

function impactOf(loaded: Loaded[], changedArticleSlugs: string[]) {
  const articles = loaded.filter(({ target }) => REVIEWABLE[target.collection].hasPage)
  return readerImpact({
    shared: loaded.length > articles.length,
    slugs: [...changedArticleSlugs, ...articles.flatMap(({ facts, content }) => [facts.doc.slug, content?.slug])],
    topics: articles.flatMap(({ facts, content }) => [facts.doc.topic, content?.topic]),
  })
}
