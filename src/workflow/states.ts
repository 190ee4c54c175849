// The review workflow as data: states, actions, and who may take which transition
// from where. Pure TypeScript: no Payload, no I/O.

// `approved`: signed off, and held until its release or its scheduled time makes it live.
export const STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'retired'] as const
export type State = (typeof STATES)[number]

export const ACTIONS = ['submit', 'approve', 'request_changes', 'retire'] as const
export type Action = (typeof ACTIONS)[number]

export const WORKFLOW_ROLES = ['admin', 'editor', 'reviewer'] as const
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number]

export type Transition = {
  from: readonly State[]
  to: State
  roles: readonly WorkflowRole[]
  /** The request must name the version it acts on. */
  needsVersion: boolean
  needsComment: boolean
}

export const TRANSITIONS: Record<Action, Transition> = {
  // `published` may be resubmitted unchanged: periodic re-review, or after shared content changed.
  submit: {
    from: ['draft', 'changes_requested', 'published'],
    to: 'in_review',
    roles: ['editor', 'reviewer', 'admin'],
    needsVersion: false,
    needsComment: false,
  },
  approve: { from: ['in_review'], to: 'published', roles: ['reviewer'], needsVersion: true, needsComment: false },
  // From `approved`: a reviewer withdraws a held sign-off before it goes live.
  request_changes: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    roles: ['reviewer'],
    needsVersion: true,
    needsComment: true,
  },
  // Retiring takes content off the site; it needs a live version (checked by decide()).
  retire: {
    from: ['published', 'draft', 'in_review', 'changes_requested', 'approved'],
    to: 'retired',
    roles: ['reviewer'],
    needsVersion: false,
    needsComment: true,
  },
}

/** Saving an edit always starts a new draft: a pending submission is withdrawn by it. */
export const STATE_AFTER_EDIT: State = 'draft'

export const STATE_LABEL: Record<State, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved, not live yet',
  published: 'Published',
  retired: 'Retired',
}

export const ACTION_LABEL: Record<Action, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  request_changes: 'Request changes',
  retire: 'Retire',
}

/** The REST path segment of each action: POST /api/<collection>/:id/<path>. */
export const ACTION_PATH: Record<Action, string> = {
  submit: 'submit',
  approve: 'approve',
  request_changes: 'request-changes',
  retire: 'retire',
}
