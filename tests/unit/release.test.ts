import { describe, expect, it } from 'vitest'
import {
  decideAddMember,
  decideReleaseStep,
  MAX_RELEASE_MEMBERS,
  memberStatus,
  pinnedGoLive,
  type ReleaseMember,
  releaseReadiness,
} from '@/workflow/release'

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
    expect(releaseReadiness([member('1'), member('2', { collection: 'articles' })])).toMatchObject({
      ready: true,
      summary: '2 of 2 approved',
    })
    expect(releaseReadiness([])).toMatchObject({ ready: false, summary: '0 of 0 approved' })
    const notReady = releaseReadiness([
      member('1'),
      member('2', { signOff: null }),
      member('3', { latestVersionId: 'v3b' }),
      member('4', { currentHash: 'x' }),
    ])
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
  const base = {
    actorRoles: ['editor'],
    releaseState: 'open' as const,
    members: [member('1')],
    candidate: { collection: 'tips' as const, id: '2' },
    heldBy: null,
    hasPendingVersion: true,
  }

  it('lets content staff add a new document to an open release', () => {
    expect(decideAddMember(base)).toEqual({ ok: true })
  })

  it('refuses readers, closed releases, duplicates, documents another open release holds, and too many', () => {
    expect(decideAddMember({ ...base, actorRoles: [] })).toMatchObject({ ok: false, status: 403 })
    expect(decideAddMember({ ...base, releaseState: 'submitted' })).toMatchObject({ ok: false, status: 409 })
    expect(decideAddMember({ ...base, candidate: { collection: 'tips', id: '1' } })).toMatchObject({
      ok: false,
      status: 409,
      message: /already/,
    })
    expect(decideAddMember({ ...base, heldBy: 'Calcium guideline' })).toMatchObject({
      ok: false,
      status: 409,
      message: /Calcium guideline/,
    })
    const full = Array.from({ length: MAX_RELEASE_MEMBERS }, (_, i) => member(String(100 + i)))
    expect(decideAddMember({ ...base, members: full })).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses a document whose latest version readers already see: nothing to release', () => {
    expect(decideAddMember({ ...base, hasPendingVersion: false })).toMatchObject({ ok: false, status: 409, message: /nothing to release/ })
  })
})

describe('steps on a release', () => {
  const now = new Date('2026-11-29T12:00:00Z')
  const ready = { ready: true, summary: '3 of 3 approved' }
  const notReady = { ready: false, summary: '2 of 3 approved' }
  const base = { actorRoles: ['reviewer'], releaseState: 'submitted' as const, memberCount: 3, readiness: ready, now }

  it('lets editors prepare, submit and cancel, never decide when it goes live', () => {
    expect(decideReleaseStep({ ...base, step: 'submit', actorRoles: ['editor'], releaseState: 'open' })).toEqual({ ok: true })
    expect(decideReleaseStep({ ...base, step: 'cancel', actorRoles: ['editor'] })).toEqual({ ok: true })
    expect(decideReleaseStep({ ...base, step: 'remove', actorRoles: ['editor'] })).toEqual({ ok: true })
    for (const step of ['schedule', 'unschedule', 'go_live'] as const) {
      expect(decideReleaseStep({ ...base, step, actorRoles: ['editor', 'admin'], at: '2026-11-29T13:00:00Z' })).toMatchObject({
        ok: false,
        status: 403,
      })
    }
    expect(decideReleaseStep({ ...base, step: 'submit', actorRoles: [], releaseState: 'open' })).toMatchObject({ ok: false, status: 403 })
  })

  it('is scheduled only when every member is approved: never as a whole (making it live checks that under its locks)', () => {
    expect(decideReleaseStep({ ...base, step: 'go_live', readiness: undefined })).toEqual({ ok: true })
    expect(decideReleaseStep({ ...base, step: 'schedule', at: '2026-11-29T14:00:00Z', readiness: undefined })).toMatchObject({
      ok: false,
      status: 409,
    })
    expect(decideReleaseStep({ ...base, step: 'schedule', at: '2026-11-29T14:00:00+01:00' })).toEqual({
      ok: true,
      at: new Date('2026-11-29T13:00:00Z'),
    })
    expect(decideReleaseStep({ ...base, step: 'schedule', at: '2026-11-29T14:00:00Z', readiness: notReady })).toMatchObject({
      ok: false,
      status: 409,
    })
  })

  it('wants a time with its zone, ahead of now; and follows the release through its states', () => {
    expect(decideReleaseStep({ ...base, step: 'schedule', at: '2026-11-29T14:00:00' })).toMatchObject({ ok: false, status: 400 })
    expect(decideReleaseStep({ ...base, step: 'schedule', at: '2026-11-29T12:00:10Z' })).toMatchObject({ ok: false, status: 400 })
    expect(decideReleaseStep({ ...base, step: 'submit', releaseState: 'open', memberCount: 0, actorRoles: ['editor'] })).toMatchObject({
      ok: false,
      status: 409,
    })
    expect(decideReleaseStep({ ...base, step: 'submit', actorRoles: ['editor'] })).toMatchObject({ ok: false, status: 409 })
    expect(decideReleaseStep({ ...base, step: 'unschedule' })).toMatchObject({ ok: false, status: 409 })
    expect(decideReleaseStep({ ...base, step: 'unschedule', releaseState: 'scheduled' })).toEqual({ ok: true })
    for (const releaseState of ['live', 'cancelled'] as const) {
      for (const step of ['cancel', 'go_live', 'remove'] as const) {
        expect(decideReleaseStep({ ...base, step, releaseState })).toMatchObject({ ok: false, status: 409 })
      }
    }
  })
})

describe('a scheduled go-live of one approved version', () => {
  it('goes live with exactly the signed-off version, even when a newer draft exists', () => {
    expect(pinnedGoLive({ signOff: { versionId: 'v1', contentHash: 'h1' }, currentHash: 'h1' })).toEqual({ ok: true })
  })
  it('is refused when the sign-off was withdrawn, or its shared content changed', () => {
    expect(pinnedGoLive({ signOff: null, currentHash: 'h1' })).toMatchObject({ ok: false })
    expect(pinnedGoLive({ signOff: { versionId: 'v1', contentHash: 'h1' }, currentHash: 'h2' })).toMatchObject({
      ok: false,
      message: /changed/,
    })
  })
})
