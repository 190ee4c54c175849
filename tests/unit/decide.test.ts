// The state machine, exhaustively: every state x every action x every role.
import { describe, expect, it } from 'vitest'
import { type Action, ACTIONS, type DecisionInput, decide, STATES, type State, availableActions } from '@/workflow'

// The specification, written out independently of TRANSITIONS.
const ALLOWED: Record<Action, { states: State[]; roles: string[] }> = {
  submit: { states: ['draft', 'changes_requested', 'published'], roles: ['editor', 'reviewer', 'admin'] },
  approve: { states: ['in_review'], roles: ['reviewer'] },
  request_changes: { states: ['in_review', 'approved'], roles: ['reviewer'] },
  retire: { states: ['draft', 'in_review', 'changes_requested', 'approved', 'published'], roles: ['reviewer'] },
}
const ROLE_SETS = [[], ['editor'], ['reviewer'], ['admin'], ['admin', 'reviewer']]

function input(action: Action, state: State, roles: string[], overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    action,
    actor: { id: '7', roles },
    state,
    isLive: true,
    latestVersionId: '100',
    submittedVersionId: state === 'in_review' || state === 'approved' ? '100' : null,
    requestedVersionId: state === 'in_review' || state === 'approved' ? '100' : action === 'submit' ? null : '100',
    comment: 'A comment.',
    authorsSinceApproval: ['3'],
    ...overrides,
  }
}

describe('every state x action x role', () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      for (const roles of ROLE_SETS) {
        const spec = ALLOWED[action]
        const roleOk = roles.some((role) => spec.roles.includes(role))
        const stateOk = spec.states.includes(state)
        it(`${action} from ${state} as [${roles.join(',') || 'no role'}] is ${roleOk && stateOk ? 'allowed' : 'refused'}`, () => {
          const result = decide(input(action, state, roles))
          if (roleOk && stateOk) {
            expect(result).toMatchObject({ ok: true })
          } else {
            expect(result).toMatchObject({ ok: false, status: roleOk ? 409 : 403 })
          }
        })
      }
    }
  }
})

describe('the rules beyond the table', () => {
  it('refuses an approval by someone who edited since the last approval (four eyes)', () => {
    const result = decide(input('approve', 'in_review', ['reviewer'], { authorsSinceApproval: ['7'] }))
    expect(result).toEqual({ ok: false, status: 403, message: expect.stringMatching(/another reviewer must approve/) })
  })

  it('lets another reviewer approve the same version', () => {
    expect(decide(input('approve', 'in_review', ['reviewer'], { authorsSinceApproval: ['3', '4'] })).ok).toBe(true)
  })

  it('refuses to approve a version other than the submitted one', () => {
    expect(decide(input('approve', 'in_review', ['reviewer'], { requestedVersionId: '99' }))).toMatchObject({ status: 409 })
  })

  it('refuses to approve when a newer version was saved after submission', () => {
    expect(decide(input('approve', 'in_review', ['reviewer'], { latestVersionId: '101' }))).toMatchObject({ status: 409 })
  })

  it('requires the version id to approve or request changes', () => {
    for (const action of ['approve', 'request_changes'] as const) {
      expect(decide(input(action, 'in_review', ['reviewer'], { requestedVersionId: null }))).toMatchObject({ status: 400 })
    }
  })

  it('requires a comment to request changes or retire', () => {
    expect(decide(input('request_changes', 'in_review', ['reviewer'], { comment: '  ' }))).toMatchObject({ status: 400 })
    expect(decide(input('retire', 'published', ['reviewer'], { comment: null }))).toMatchObject({ status: 400 })
  })

  it('does not need a comment to approve', () => {
    expect(decide(input('approve', 'in_review', ['reviewer'], { comment: null })).ok).toBe(true)
  })

  it('refuses to retire what is not live', () => {
    expect(decide(input('retire', 'draft', ['reviewer'], { isLive: false }))).toMatchObject({ status: 409 })
  })

  it('refuses to submit a version that is not the latest', () => {
    expect(decide(input('submit', 'draft', ['editor'], { requestedVersionId: '99' }))).toMatchObject({ status: 409 })
  })

  it('checks the role before anything else', () => {
    expect(decide(input('approve', 'draft', ['editor'], { requestedVersionId: null }))).toMatchObject({ status: 403 })
  })
})

describe('available actions', () => {
  it('offers an editor only submit, and a reviewer the review decisions', () => {
    const base = { state: 'in_review' as const, isLive: true, latestVersionId: '1', submittedVersionId: '1', authorsSinceApproval: [] }
    expect(availableActions({ ...base, actor: { id: '1', roles: ['editor'] } })).toEqual([])
    expect(availableActions({ ...base, actor: { id: '2', roles: ['reviewer'] } })).toEqual(['approve', 'request_changes', 'retire'])
    expect(availableActions({ ...base, state: 'draft', actor: { id: '1', roles: ['editor'] } })).toEqual(['submit'])
  })

  it('does not offer approve to a reviewer who edited', () => {
    const facts = { state: 'in_review' as const, isLive: false, latestVersionId: '1', submittedVersionId: '1', authorsSinceApproval: ['2'] }
    expect(availableActions({ ...facts, actor: { id: '2', roles: ['reviewer'] } })).toEqual(['request_changes'])
  })
})
