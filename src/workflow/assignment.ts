// Who may assign a submission to reviewers, and to whom. Pure rules (no Payload, no I/O).

export const MAX_ASSIGNEES = 10

export type AssignmentInput = {
  actor: { id: string; roles: readonly string[] }
  state: string
  submittedBy: string | null
  /** The people named, with their roles (missing: no such person). */
  assignees: { id: string; roles: readonly string[] | null; name: string }[]
  /** Everyone who saved a version since the last approval: they cannot approve it. */
  authorsSinceApproval: readonly string[]
}

export type AssignmentDecision = { ok: true } | { ok: false; status: 400 | 403 | 409; message: string }

const refuse = (status: 400 | 403 | 409, message: string): AssignmentDecision => ({ ok: false, status, message })

export function decideAssignment(input: AssignmentInput): AssignmentDecision {
  const { actor } = input
  const isReviewerOrAdmin = actor.roles.includes('reviewer') || actor.roles.includes('admin')
  if (!isReviewerOrAdmin && actor.id !== input.submittedBy) {
    return refuse(403, 'Only the person who submitted it, a reviewer or an admin may assign reviewers.')
  }
  if (input.state !== 'in_review') return refuse(409, 'Only a submission in review can be assigned: submit it first.')
  if (input.assignees.length > MAX_ASSIGNEES) return refuse(400, `Assign at most ${MAX_ASSIGNEES} reviewers.`)
  for (const person of input.assignees) {
    if (!person.roles?.includes('reviewer')) return refuse(400, `${person.name} is not a reviewer.`)
    if (input.authorsSinceApproval.includes(person.id)) {
      return refuse(409, `${person.name} edited this version and cannot approve it: assign another reviewer.`)
    }
  }
  return { ok: true }
}
