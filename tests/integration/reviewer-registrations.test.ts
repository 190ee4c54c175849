// Reviewers' professional registrations (Users.registrations, src/workflow/registration.ts):
// a lapsed one stops approvals with what to renew, the trail keeps the one that was current,
// only admins record them (stamped as verified by them, audited), and admins see what lapses.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { registrationAlerts } from '../../src/accounts/registrations-report'
import { ensureSeeded, tipData } from '../support/content'
import { loginToken, rest, restWithToken, testPayload, unique } from '../support/payload'
import { createDraft, submit } from '../support/workflow'

let payload: Payload
const PASSWORD = 'a-long-enough-password'
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

/** A reviewer made by the server itself (no approval hold), with these registrations, logged in. */
async function reviewerWith(registrations: { body: string; number: string; validUntil: string }[]) {
  const email = `${unique('registered')}@example.org`
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, displayName: `Dr. ${unique('Registered')}`, roles: ['reviewer'], credentials: 'MD', registrations },
  })
  return { id: doc.id, token: await loginToken(email, PASSWORD) }
}

const approveAs = (token: string, id: string, versionId: string) => restWithToken(token, 'POST', `/tips/${id}/approve`, { versionId })

describe('approving with a registration', () => {
  it('is refused once the registration has lapsed, saying what to renew; allowed again once renewed, and the record keeps it', async () => {
    const reviewer = await reviewerWith([{ body: 'GMC', number: '7654321', validUntil: day(-3) }])
    const id = await createDraft('editor', 'tips', tipData())
    const versionId = await submit('editor', 'tips', id)
    const refused = await approveAs(reviewer.token, id, versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain(`GMC 7654321, valid until ${day(-3)}`)
    expect(refused.body.errors[0].message).toMatch(/renew it/)

    await payload.update({
      collection: 'users',
      id: reviewer.id,
      data: { registrations: [{ body: 'GMC', number: '7654321', validUntil: day(300) }] },
    })
    const approved = await approveAs(reviewer.token, id, versionId)
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const record = await payload.findByID({ collection: 'reviews', id: approved.body.reviewId, depth: 0 })
    expect(record.reviewerRegistration).toBe(`GMC 7654321, valid until ${day(300)}`)
  })

  it('is allowed with one current registration among lapsed ones', async () => {
    const reviewer = await reviewerWith([
      { body: 'GMC', number: '1', validUntil: day(-30) },
      { body: 'NMC', number: '2', validUntil: day(0) },
    ])
    const id = await createDraft('editor', 'tips', tipData())
    expect((await approveAs(reviewer.token, id, await submit('editor', 'tips', id))).status).toBe(200)
  })
})

describe('the register', () => {
  it('is written by admins only, each change stamped as verified by them and audited', async () => {
    const reviewer = await reviewerWith([])
    // The person cannot record their own registration (the field is admins' to write).
    await restWithToken(reviewer.token, 'PATCH', `/users/${reviewer.id}`, {
      registrations: [{ body: 'GMC', number: 'self', validUntil: day(100) }],
    })
    expect((await payload.findByID({ collection: 'users', id: reviewer.id, depth: 0 })).registrations ?? []).toEqual([])

    const saved = await rest('admin', 'PATCH', `/users/${reviewer.id}`, {
      registrations: [{ body: 'GMC', number: '555', validUntil: day(100) }],
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const person = await payload.findByID({ collection: 'users', id: reviewer.id, depth: 0 })
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.com' } }, limit: 1 })).docs[0]!
    expect(person.registrations?.[0]).toMatchObject({ body: 'GMC', number: '555', verifiedBy: admin.id })
    expect(person.registrations?.[0]?.verifiedAt).toBeTruthy()
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ event: { equals: 'registrations_changed' } }, { subject: { equals: reviewer.id } }] },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]?.after).toEqual({ registrations: [{ body: 'GMC', number: '555', validUntil: expect.stringContaining(day(100)) }] })
    // Not a hold: the admin only recorded a renewal.
    const id = await createDraft('editor', 'tips', tipData())
    expect((await approveAs(reviewer.token, id, await submit('editor', 'tips', id))).status).toBe(200)
  })

  it('is read by the person and admins, not by other staff', async () => {
    const reviewer = await reviewerWith([{ body: 'GMC', number: 'private', validUntil: day(100) }])
    const asEditor = await rest('editor', 'GET', `/users/${reviewer.id}`)
    expect(asEditor.status).toBe(200)
    expect(JSON.stringify(asEditor.body)).not.toContain('private')
    expect((await rest('admin', 'GET', `/users/${reviewer.id}`)).body.registrations).toHaveLength(1)
  })

  it('shows admins what lapsed, what lapses within 30 days, and who has none on file', async () => {
    const lapsed = await reviewerWith([{ body: 'GMC', number: 'L', validUntil: day(-1) }])
    const soon = await reviewerWith([{ body: 'NMC', number: 'S', validUntil: day(10) }])
    const later = await reviewerWith([{ body: 'GMC', number: 'F', validUntil: day(200) }])
    const none = await reviewerWith([])
    const alerts = await registrationAlerts(await createLocalReq({}, payload))
    const mine = alerts.filter((alert) => [lapsed.id, soon.id, later.id, none.id].includes(alert.id))
    expect(mine.map((alert) => [alert.id, alert.registration, alert.lapsesOn, alert.lapsed])).toEqual([
      [lapsed.id, 'GMC L', day(-1), true],
      [soon.id, 'NMC S', day(10), false],
      [none.id, null, null, false],
    ])
  })
})
