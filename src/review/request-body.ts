// Parses and checks a workflow request body: { "versionId"?: string|number, "comment"?: string, "reviewKind"?: "full"|"minor", "goLiveAt"?: ISO time }.
import type { PayloadRequest } from 'payload'
import type { ActionInput } from './service'
import { WorkflowError } from './errors'
import { canonicalId } from '../lib/document-id'
import { isReviewKind } from '../workflow/review-kind'

export const MAX_COMMENT_LENGTH = 5000
const MAX_BODY_BYTES = 64 * 1024

/** A workflow request's JSON object body ({} when empty), or a 400/413 saying what is wrong. */
export async function readJsonObject(req: PayloadRequest, example: string): Promise<Record<string, unknown>> {
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_BODY_BYTES) throw new WorkflowError(413, 'The request body is too large.')
  return parseJsonObject(text, example)
}

/** A JSON object body ({} when empty), or a 400 saying what is wrong. */
export function parseJsonObject(text: string, example: string): Record<string, unknown> {
  if (!text.trim()) return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new WorkflowError(400, 'The request body is not valid JSON.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WorkflowError(400, `The request body must be a JSON object: ${example}.`)
  }
  return body as Record<string, unknown>
}

function replacementId(value: unknown): string | null {
  if (value == null || value === '') return null
  const id = canonicalId(value)
  if (id === null) throw new WorkflowError(400, '"replacement" must be an article id: a positive integer.')
  return id
}

export async function readActionInput(req: PayloadRequest): Promise<ActionInput> {
  const body = await readJsonObject(req, '{ "versionId": "...", "comment": "..." }')
  const { versionId, comment, reviewKind, goLiveAt, changeNote, correction, evidenceChecked, readingLevelAcknowledged, replacement, reason } = body
  if (versionId != null && canonicalId(versionId) === null) {
    throw new WorkflowError(400, '"versionId" must be a version id: a positive integer, as a string or a number.')
  }
  if (comment != null && typeof comment !== 'string') throw new WorkflowError(400, '"comment" must be text.')
  if (typeof comment === 'string' && comment.length > MAX_COMMENT_LENGTH) {
    throw new WorkflowError(400, `"comment" is longer than ${MAX_COMMENT_LENGTH} characters.`)
  }
  if (reviewKind != null && !isReviewKind(reviewKind)) {
    throw new WorkflowError(400, '"reviewKind" is "full" (a full clinical review) or "minor" (a typo, link or formatting).')
  }
  if (goLiveAt != null && typeof goLiveAt !== 'string') {
    throw new WorkflowError(400, '"goLiveAt" must be a date and time with its time zone, for example "2027-01-15T09:00:00+00:00".')
  }
  if (correction != null && typeof correction !== 'boolean') throw new WorkflowError(400, '"correction" is true or false.')
  if (changeNote != null && typeof changeNote !== 'string') throw new WorkflowError(400, '"changeNote" must be text.')
  if (evidenceChecked != null && typeof evidenceChecked !== 'boolean') throw new WorkflowError(400, '"evidenceChecked" is true or false.')
  if (readingLevelAcknowledged != null && typeof readingLevelAcknowledged !== 'boolean') {
    throw new WorkflowError(400, '"readingLevelAcknowledged" is true or false.')
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
