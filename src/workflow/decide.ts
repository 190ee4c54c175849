// Answers one question: may this person take this action on this document now?
// Every refusal carries the HTTP status and a message a person can act on.
import { type Action, type State, type WorkflowRole, TRANSITIONS, STATE_LABEL, ACTION_LABEL } from './states'

export type DecisionInput = {
  action: Action
  actor: { id: string; roles: readonly string[] }
  state: State
  /** Readers can see a version of this document now. */
  isLive: boolean
  /** The newest saved version of the document. */
  latestVersionId: string | null
  /** The version that was submitted for review, if any. */
  submittedVersionId: string | null
  /** The version the request names. */
  requestedVersionId?: string | null
  comment?: string | null
  /** Everyone who saved a version since the last approval. */
  authorsSinceApproval: readonly string[]
  /** Reviewers who already approved the submitted version in this round (policies may need several). */
  approvedThisRound?: readonly string[]
}

export type Refusal = { ok: false; status: 400 | 403 | 409; message: string }
export type Decision = { ok: true; next: State } | Refusal

const refuse = (status: Refusal['status'], message: string): Refusal => ({ ok: false, status, message })

export function decide(input: DecisionInput): Decision {
  const { action, actor, state } = input
  const transition = TRANSITIONS[action]
  const label = ACTION_LABEL[action].toLowerCase()

  if (!transition.roles.some((role: WorkflowRole) => actor.roles.includes(role))) {
    return refuse(403, `Only ${transition.roles.join(' or ')} accounts may ${label}.`)
  }
  if (transition.needsVersion && !input.requestedVersionId) {
    return refuse(400, 'Name the version you reviewed: { "versionId": "..." }.')
  }
  if (transition.needsComment && !input.comment?.trim()) {
    return refuse(400, `A comment is required to ${label}.`)
  }
  if (transition.needsVersion && state === 'draft' && input.submittedVersionId === null && input.requestedVersionId) {
    return refuse(409, `Cannot ${label}: the document was edited after it was submitted and must be submitted again.`)
  }
  if (!transition.from.includes(state)) {
    return refuse(409, `Cannot ${label}: the document is ${STATE_LABEL[state].toLowerCase()}.`)
  }
  if (action === 'submit' && input.requestedVersionId && input.requestedVersionId !== input.latestVersionId) {
    return refuse(409, 'This is not the latest version: it was edited since. Reload and submit again.')
  }
  if (transition.needsVersion) {
    if (input.requestedVersionId !== input.submittedVersionId) {
      return refuse(409, 'This is not the version that was submitted for review.')
    }
    if (input.latestVersionId !== input.submittedVersionId) {
      return refuse(409, 'The document was edited after it was submitted: review the new version.')
    }
  }
  if (action === 'retire' && !input.isLive) {
    return refuse(409, 'Cannot retire: nothing of this document is published.')
  }
  if (action === 'approve' && input.authorsSinceApproval.includes(actor.id)) {
    return refuse(403, 'You edited this version since it was last approved: another reviewer must approve it.')
  }
  if (action === 'approve' && input.approvedThisRound?.includes(actor.id)) {
    return refuse(409, 'You already approved this version: another reviewer must add theirs.')
  }
  return { ok: true, next: transition.to }
}

/** The actions this person could take now (for buttons); the server still decides each. */
export function availableActions(input: Omit<DecisionInput, 'action' | 'requestedVersionId' | 'comment'>): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter((action) => {
    const result = decide({
      ...input,
      action,
      requestedVersionId: input.submittedVersionId ?? input.latestVersionId,
      comment: 'x',
    })
    return result.ok
  })
}
