import { describe, expect, it } from 'vitest'
import { decideAddMember, MAX_RELEASE_MEMBERS, memberStatus, type ReleaseMember, releaseReadiness } from '@/workflow/release'

const member = (id: string, overrides: Partial<ReleaseMember> = {}): ReleaseMember => ({
  collection: 'tips',
  id,
  latestVersionId: `v${id}`,
  signOff: { versionId: `v${id}`, contentHash: `h${id}` },
  currentHash: `h${id}`,
  ...overrides,
})

describe('when a release is ready', () => {
  it('knows each member: waiting, approved, stale (saved again), changed (its shared content moved)', () => {
    expect(memberStatus(member('1', { signOff: null }))).toBe('waiting')
    expect(memberStatus(member('1'))).toBe('approved')
    expect(memberStatus(member('1', { latestVersionId: 'v1b' }))).toBe('stale')
    expect(memberStatus(member('1', { currentHash: 'other' }))).toBe('changed')
  })

  it('is ready only when every member is approved, and never empty', () => {
    expect(releaseReadiness([member('1'), member('2', { collection: 'articles' })])).toMatchObject({ ready: true, summary: '2 of 2 approved' })
    expect(releaseReadiness([])).toMatchObject({ ready: false, summary: '0 of 0 approved' })
    const notReady = releaseReadiness([member('1'), member('2', { signOff: null }), member('3', { latestVersionId: 'v3b' }), member('4', { currentHash: 'x' })])
    expect(notReady.ready).toBe(false)
    expect(notReady.summary).toBe('1 of 4 approved; 1 saved again since its approval; 1 would go live with changed shared content')
    expect(notReady.members.map((m) => m.status)).toEqual(['approved', 'waiting', 'stale', 'changed'])
  })

  it('falls back to not ready the moment a member is saved after its approval', () => {
    const members = [member('1'), member('2')]
    expect(releaseReadiness(members).ready).toBe(true)
    members[1] = { ...members[1]!, latestVersionId: 'v2-edited' }
    expect(releaseReadiness(members).ready).toBe(false)
  })
})

describe('adding a document to a release', () => {
  const base = { actorRoles: ['editor'], releaseState: 'open' as const, members: [member('1')], candidate: { collection: 'tips' as const, id: '2' }, heldBy: null }

  it('lets content staff add a new document to an open release', () => {
    expect(decideAddMember(base)).toEqual({ ok: true })
  })

  it('refuses readers, closed releases, duplicates, documents another open release holds, and too many', () => {
    expect(decideAddMember({ ...base, actorRoles: [] })).toMatchObject({ ok: false, status: 403 })
    expect(decideAddMember({ ...base, releaseState: 'submitted' })).toMatchObject({ ok: false, status: 409 })
    expect(decideAddMember({ ...base, candidate: { collection: 'tips', id: '1' } })).toMatchObject({ ok: false, status: 409, message: /already/ })
    expect(decideAddMember({ ...base, heldBy: 'Calcium guideline' })).toMatchObject({ ok: false, status: 409, message: /Calcium guideline/ })
    const full = Array.from({ length: MAX_RELEASE_MEMBERS }, (_, i) => member(String(100 + i)))
    expect(decideAddMember({ ...base, members: full })).toMatchObject({ ok: false, status: 400 })
  })
})
