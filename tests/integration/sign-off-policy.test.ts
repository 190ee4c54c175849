// Sign-off policies over REST (globals/ReviewPolicy.ts, src/review/data/sign-off-policy.ts):
// approvals accumulate on the submitted version and it goes live only when the policy is met,
// in the transaction of the last approval. Attacks: the same person twice, a reviewer lacking
// the required specialty completing the set, approvals of two versions mixed into one set, a
// policy change between the first and second approval, and only admins changing the rules.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readArticle } from '@/site/published-content'
import { articleData, ensureSeeded, warningData } from '../support/content'
import { loginToken, rest, restWithToken, testPayload, unique } from '../support/payload'
import { act, approve, createDraft, editDraft, submit } from '../support/workflow'

let payload: Payload
let savedRules: unknown[] = []
const TOPIC = unique('Policy pregnancy')

async function setRules(rules: Record<string, unknown>[]) {
  await payload.updateGlobal({ slug: 'review-policy', data: { rules } as never, depth: 0 })
}

const PREGNANCY_RULE = { name: 'Pregnancy topic', collection: 'articles', topic: TOPIC, approvals: 2, specialties: ['Obstetrics'] }
const EMERGENCY_RULE = { name: 'Emergency warnings', collection: 'warnings', severity: 'emergency', approvals: 2 }
const BASE_RULES = [PREGNANCY_RULE, EMERGENCY_RULE]

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  savedRules = ((await payload.findGlobal({ slug: 'review-policy', depth: 0 })).rules ?? []) as unknown[]
  await setRules(BASE_RULES)
})

afterAll(async () => {
  await setRules(savedRules.map((rule) => ({ ...(rule as Record<string, unknown>), id: undefined })))
})

/** A new article in the two-reviewer topic, submitted: its id, slug and submitted version. */
async function submittedPregnancyArticle() {
  const slug = unique('policy-article').toLowerCase()
  const id = await createDraft('editor', 'articles', { ...articleData(), slug, topic: TOPIC })
  return { id, slug, versionId: await submit('editor', 'articles', id) }
}

const status = async (collection: string, id: string) => (await rest('editor', 'GET', `/${collection}/${id}/workflow`)).body

describe('a two-reviewer policy with a required specialty', () => {
  it('keeps the version off the site after the first approval, and publishes it with the second, naming both', async () => {
    const { id, slug, versionId } = await submittedPregnancyArticle()
    const first = await act('reviewer2', 'articles', id, 'approve', { versionId })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ state: 'in_review', signOff: { met: false, summary: '1 of 2 approvals; still needs: Obstetrics' } })
    expect(await readArticle(slug)).toBeNull()
    expect((await rest('anonymous', 'GET', `/articles/${id}`)).status).toBe(404)
    expect((await status('articles', id)).signOff).toMatchObject({ approvals: 1, required: 2, missingSpecialties: ['Obstetrics'] })

    const second = await act('reviewer', 'articles', id, 'approve', { versionId })
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    expect(second.body).toMatchObject({ state: 'published', signOff: { met: true, summary: '2 of 2 approvals' } })
    const live = await readArticle(slug)
    expect(live?.signOff?.approvers.map((approver) => approver.name)).toEqual(['Dr. Samuel Okafor', 'Dr. Maya Chen'])
  })

  it('refuses the same reviewer twice: they count once', async () => {
    const { id, versionId } = await submittedPregnancyArticle()
    expect((await act('reviewer', 'articles', id, 'approve', { versionId })).status).toBe(200)
    const again = await act('reviewer', 'articles', id, 'approve', { versionId })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/already approved this version/)
    expect((await status('articles', id)).state).toBe('in_review')
  })

  it('refuses a reviewer lacking the required specialty who would complete the set', async () => {
    const { id, slug, versionId } = await submittedPregnancyArticle()
    const familyDoctor = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('gp')}@example.org`,
        password: 'a-long-enough-password',
        displayName: `Dr. ${unique('GP')}`,
        roles: ['reviewer'],
        specialties: ['Family medicine'],
      },
    })
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId })).status).toBe(200)
    const token = await loginToken(familyDoctor.email, 'a-long-enough-password')
    const response = await restWithToken(token, 'POST', `/articles/${id}/approve`, {
      versionId,
      evidenceChecked: true,
      readingLevelAcknowledged: true,
    })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toMatch(/still needs a reviewer with Obstetrics/)
    expect(await readArticle(slug)).toBeNull()
  })

  it('stops counting an approval whose reviewer lost the role or let the registration lapse before the set was complete', async () => {
    for (const change of [{ roles: ['editor'] }, { registrations: [{ body: 'GMC', number: '9', validUntil: '2020-01-01' }] }]) {
      const { id, slug, versionId } = await submittedPregnancyArticle()
      const specialist = await payload.create({
        collection: 'users',
        data: {
          email: `${unique('ob')}@example.org`,
          password: 'a-long-enough-password',
          displayName: `Dr. ${unique('Ob')}`,
          roles: ['reviewer'],
          specialties: ['Obstetrics'],
        },
      })
      const token = await loginToken(specialist.email, 'a-long-enough-password')
      const first = await restWithToken(token, 'POST', `/articles/${id}/approve`, {
        versionId,
        evidenceChecked: true,
        readingLevelAcknowledged: true,
      })
      expect(first.status).toBe(200)
      await payload.update({ collection: 'users', id: specialist.id, data: change as never })
      const second = await act('reviewer2', 'articles', id, 'approve', { versionId })
      expect(second.body, JSON.stringify(change)).toMatchObject({
        state: 'in_review',
        signOff: { summary: '1 of 2 approvals; still needs: Obstetrics' },
      })
      expect(await readArticle(slug)).toBeNull()
    }
  })

  it('does not mix approvals of two versions: a save after submission supersedes them all', async () => {
    const { id, slug, versionId } = await submittedPregnancyArticle()
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId })).status).toBe(200)
    await editDraft('editor', 'articles', id, { summary: `Changed ${unique('x')}` })
    const newVersion = await submit('editor', 'articles', id)
    expect(newVersion).not.toBe(versionId)
    // The old version cannot be approved any more, and its approval does not count for the new one.
    expect((await act('reviewer', 'articles', id, 'approve', { versionId })).status).toBe(409)
    const afterNew = await act('reviewer', 'articles', id, 'approve', { versionId: newVersion })
    expect(afterNew.body).toMatchObject({ state: 'in_review', signOff: { approvals: 1, summary: '1 of 2 approvals' } })
    expect(await readArticle(slug)).toBeNull()
    const history = (await status('articles', id)).history as { decision: string; versionId: string; superseded?: boolean }[]
    expect(history.find((record) => record.versionId === versionId)?.superseded).toBe(true)
    expect(history.find((record) => record.versionId === newVersion)?.superseded).toBe(false)
    // Resubmitting the same version after changes were requested starts a new round too.
    expect((await act('reviewer2', 'articles', id, 'request-changes', { versionId: newVersion, comment: 'Cite it.' })).status).toBe(200)
    const again = await submit('editor', 'articles', id)
    const fresh = await act('reviewer2', 'articles', id, 'approve', { versionId: again })
    expect(fresh.body).toMatchObject({ state: 'in_review', signOff: { approvals: 1 } })
  })

  it('applies the stricter policy when the rules change between the first and the second approval', async () => {
    const { id, slug, versionId } = await submittedPregnancyArticle()
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId })).status).toBe(200)
    // Tightened after the first approval: three approvals now.
    await setRules([{ ...PREGNANCY_RULE, approvals: 3 }])
    const second = await act('reviewer', 'articles', id, 'approve', { versionId })
    expect(second.body).toMatchObject({ state: 'in_review', signOff: { summary: '2 of 3 approvals' } })
    expect(await readArticle(slug)).toBeNull()

    // Loosened: what was submitted under three approvals (and Obstetrics) still needs them.
    const other = await submittedPregnancyArticle()
    await setRules([{ ...PREGNANCY_RULE, approvals: 1, specialties: [] }])
    const one = await act('reviewer2', 'articles', other.id, 'approve', { versionId: other.versionId })
    expect(one.body).toMatchObject({ state: 'in_review', signOff: { summary: '1 of 3 approvals; still needs: Obstetrics' } })
    await setRules(BASE_RULES)
  })
})

describe('the rules themselves', () => {
  it('cannot be met by a reviewer who gives themselves the required specialty', async () => {
    const me = (await rest('reviewer2', 'GET', '/users/me')).body.user
    await rest('reviewer2', 'PATCH', `/users/${me.id}`, { specialties: ['Family medicine', 'Obstetrics'] })
    expect((await payload.findByID({ collection: 'users', id: me.id, depth: 0 })).specialties).toEqual(['Family medicine'])
  })

  it('apply by severity: an emergency warning needs two reviewers, an urgent one one', async () => {
    const emergency = await createDraft('editor', 'warnings', warningData(unique('policy-emergency'), 'emergency'))
    const emergencyVersion = await submit('editor', 'warnings', emergency)
    expect((await act('reviewer', 'warnings', emergency, 'approve', { versionId: emergencyVersion })).body.state).toBe('in_review')
    expect((await act('reviewer2', 'warnings', emergency, 'approve', { versionId: emergencyVersion })).body.state).toBe('published')
    const urgent = await createDraft('editor', 'warnings', warningData(unique('policy-urgent'), 'urgent'))
    await approve('reviewer', 'warnings', urgent, await submit('editor', 'warnings', urgent))
  })

  it('are changed by admins only, validated, and every change is in the audit log', async () => {
    for (const person of ['editor', 'reviewer'] as const) {
      expect((await rest(person, 'POST', '/globals/review-policy', { rules: [] })).status).toBe(403)
    }
    const bad = await rest('admin', 'POST', '/globals/review-policy', {
      rules: [{ name: 'Bad', collection: 'articles', severity: 'emergency', approvals: 9 }],
    })
    expect(bad.status).toBe(400)
    const before = (await payload.find({ collection: 'audit-log', where: { event: { equals: 'policy_changed' } }, limit: 0 })).totalDocs
    const good = await rest('admin', 'POST', '/globals/review-policy', { rules: [{ ...PREGNANCY_RULE, name: 'Pregnancy, by admin' }] })
    expect(good.status, JSON.stringify(good.body)).toBe(200)
    const { docs } = await payload.find({ collection: 'audit-log', where: { event: { equals: 'policy_changed' } }, sort: '-at', limit: 1 })
    expect(docs[0]).toMatchObject({
      actorName: 'Alex Morgan',
      after: { rules: [expect.objectContaining({ name: 'Pregnancy, by admin', approvals: 2 })] },
    })
    expect((await payload.find({ collection: 'audit-log', where: { event: { equals: 'policy_changed' } }, limit: 0 })).totalDocs).toBe(
      before + 1,
    )
    expect((await rest('editor', 'GET', '/globals/review-policy')).status).toBe(200)
    expect((await rest('anonymous', 'GET', '/globals/review-policy')).status).toBe(403)
    await setRules(BASE_RULES)
  })
})
