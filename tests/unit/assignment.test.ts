// Who may assign a submission, and to whom (src/workflow/assignment.ts).
import { describe, expect, it } from 'vitest'
import { decideAssignment, MAX_ASSIGNEES } from '../../src/workflow/assignment'

const base = {
  actor: { id: '1', roles: ['editor'] },
  state: 'in_review',
  submittedBy: '1',
  assignees: [{ id: '7', roles: ['reviewer'], name: 'Dr. Seven' }],
  authorsSinceApproval: ['1'],
}

describe('decideAssignment', () => {
  it('lets the submitter, any reviewer and any admin assign', () => {
    expect(decideAssignment(base)).toEqual({ ok: true })
    expect(decideAssignment({ ...base, actor: { id: '2', roles: ['reviewer'] } })).toEqual({ ok: true })
    expect(decideAssignment({ ...base, actor: { id: '3', roles: ['admin'] } })).toEqual({ ok: true })
    expect(decideAssignment({ ...base, assignees: [] })).toEqual({ ok: true })
  })

  it('refuses another editor, a document not in review, non-reviewers, authors and too many', () => {
    expect(decideAssignment({ ...base, actor: { id: '2', roles: ['editor'] } })).toMatchObject({ ok: false, status: 403 })
    for (const state of ['draft', 'changes_requested', 'published', 'retired']) {
      expect(decideAssignment({ ...base, state })).toMatchObject({ ok: false, status: 409 })
    }
    expect(decideAssignment({ ...base, assignees: [{ id: '8', roles: ['editor'], name: 'Ed' }] })).toMatchObject({
      ok: false,
      status: 400,
      message: 'Ed is not a reviewer.',
    })
    expect(decideAssignment({ ...base, assignees: [{ id: '8', roles: null, name: 'Nobody' }] })).toMatchObject({ ok: false, status: 400 })
    expect(decideAssignment({ ...base, authorsSinceApproval: ['7'] })).toMatchObject({ ok: false, status: 409 })
    const many = Array.from({ length: MAX_ASSIGNEES + 1 }, (_, i) => ({ id: String(i + 10), roles: ['reviewer'], name: `R${i}` }))
    expect(decideAssignment({ ...base, assignees: many })).toMatchObject({ ok: false, status: 400 })
  })
})
