// What the review endpoints accept: each request body read once, checked, and handed to the
// actions as typed input (a 400 says what is wrong). The rules on values (times, reasons) stay
// with the pure rules in src/workflow; here only shapes and types.
import type { PayloadRequest } from 'payload'
import { isReviewableCollection, isReviewKind, MAX_ASSIGNEES } from '../../workflow'
import { ApiError } from '../../http/errors'
import { readJsonObject } from '../../http/request-body'
import { canonicalId } from '../../lib/document-id'
import type { ActionInput } from '../actions/types'
import type { Target } from '../data/facts'

export const MAX_COMMENT_LENGTH = 5000
const MAX_RELEASE_COMMENT_LENGTH = 2000

function replacementId(value: unknown): string | null {
  if (value == null || value === '') return null
  const id = canonicalId(value)
  if (id === null) throw new ApiError(400, '"replacement" must be an article id: a positive integer.')
  return id
}

/** POST /api/<collection>/:id/{submit,approve,request-changes,retire} */
export async function readActionInput(req: PayloadRequest): Promise<ActionInput> {
  const body = await readJsonObject(req, '{ "versionId": "...", "comment": "..." }')
  const {
    versionId,
    comment,
    reviewKind,
    goLiveAt,
    changeNote,
    correction,
    evidenceChecked,
    readingLevelAcknowledged,
    replacement,
    reason,
  } = body
  if (versionId != null && canonicalId(versionId) === null) {
    throw new ApiError(400, '"versionId" must be a version id: a positive integer, as a string or a number.')
  }
  if (comment != null && typeof comment !== 'string') throw new ApiError(400, '"comment" must be text.')
  if (typeof comment === 'string' && comment.length > MAX_COMMENT_LENGTH) {
    throw new ApiError(400, `"comment" is longer than ${MAX_COMMENT_LENGTH} characters.`)
  }
  if (reviewKind != null && !isReviewKind(reviewKind)) {
    throw new ApiError(400, '"reviewKind" is "full" (a full clinical review) or "minor" (a typo, link or formatting).')
  }
  if (goLiveAt != null && typeof goLiveAt !== 'string') {
    throw new ApiError(400, '"goLiveAt" must be a date and time with its time zone, for example "2027-01-15T09:00:00+00:00".')
  }
  if (correction != null && typeof correction !== 'boolean') throw new ApiError(400, '"correction" is true or false.')
  if (changeNote != null && typeof changeNote !== 'string') throw new ApiError(400, '"changeNote" must be text.')
  if (evidenceChecked != null && typeof evidenceChecked !== 'boolean') throw new ApiError(400, '"evidenceChecked" is true or false.')
  if (readingLevelAcknowledged != null && typeof readingLevelAcknowledged !== 'boolean') {
    throw new ApiError(400, '"readingLevelAcknowledged" is true or false.')
  }
  return {
    changeNote: changeNote ?? null,
    correction: correction === true,
    versionId: versionId == null ? null : canonicalId(versionId),
    comment: comment ?? null,
    reviewKind: reviewKind ?? null,
    goLiveAt: goLiveAt ?? null,
    evidenceChecked: evidenceChecked ?? null,
    replacement: replacementId(replacement),
    retirementReason: reason ?? null,
    readingLevelAcknowledged: readingLevelAcknowledged ?? null,
  }
}

/** POST /api/<collection>/:id/assign `{ "reviewerIds": [1, "2"] }`: canonical ids, without repeats. */
export async function readAssignees(req: PayloadRequest): Promise<string[]> {
  const body = await readJsonObject(req, '{ "reviewerIds": [ ... ] }')
  const ids = body.reviewerIds
  if (!Array.isArray(ids)) throw new ApiError(400, 'Name the reviewers: { "reviewerIds": [ ... ] } (an empty list unassigns).')
  if (ids.length > MAX_ASSIGNEES) throw new ApiError(400, `Assign at most ${MAX_ASSIGNEES} reviewers.`)
  const canonical = ids.map((id) => canonicalId(id))
  if (canonical.some((id) => id === null)) throw new ApiError(400, '"reviewerIds" must be people’s ids.')
  return [...new Set(canonical as string[])]
}

/** A schedule's time as sent (`null` cancels; the pure rules check the rest). */
async function readSchedule(req: PayloadRequest, example: string, cancels: string): Promise<Record<string, unknown> & { at: unknown }> {
  const body = await readJsonObject(req, example)
  if (!('at' in body)) throw new ApiError(400, `Say when: ${example} (null ${cancels}).`)
  return body as Record<string, unknown> & { at: unknown }
}

/** POST /api/<collection>/:id/schedule-retirement `{ "at": ..., "comment": ... }` */
export async function readRetirementSchedule(req: PayloadRequest): Promise<{ at: unknown; comment: unknown }> {
  const { at, comment } = await readSchedule(req, '{ "at": "2027-03-31T18:00:00+01:00", "comment": "..." }', 'cancels')
  return { at, comment }
}

/** POST /api/<collection>/:id/schedule-go-live and /api/releases/:id/schedule `{ "at": ... }` */
export async function readGoLiveSchedule(req: PayloadRequest, cancels: string): Promise<unknown> {
  return (await readSchedule(req, '{ "at": "2027-01-15T09:00:00+00:00" }', cancels)).at
}

/** POST /api/releases/:id/members `{ "collection": "tips", "id": 12 }` */
export async function readReleaseMember(req: PayloadRequest): Promise<Target> {
  const body = await readJsonObject(req, '{ "collection": "articles", "id": 12 }')
  if (!isReviewableCollection(body.collection)) throw new ApiError(400, '"collection" is "articles", "tips" or "warnings".')
  const id = canonicalId(body.id)
  if (id === null) throw new ApiError(400, '"id" must be a document id.')
  return { collection: body.collection, id }
}

/** POST /api/releases/:id/cancel `{ "comment": ... }`: the reason, or null. */
export async function readCancellation(req: PayloadRequest): Promise<string | null> {
  const { comment } = await readJsonObject(req, '{ "comment": "..." }')
  if (comment != null && (typeof comment !== 'string' || comment.length > MAX_RELEASE_COMMENT_LENGTH)) {
    throw new ApiError(400, `"comment" must be text of at most ${MAX_RELEASE_COMMENT_LENGTH} characters.`)
  }
  return typeof comment === 'string' && comment.trim() ? comment.trim() : null
}
