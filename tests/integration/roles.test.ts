// Who may manage accounts: attacks on roles and other people's accounts.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureSeeded } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'

let payload: Payload
let editorId: number
let reviewerId: number

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  const find = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]!.id
  editorId = await find('editor@example.com')
  reviewerId = await find('reviewer@example.com')
})

describe('roles and accounts', () => {
  it('does not let an editor make themselves an admin', async () => {
    await rest('editor', 'PATCH', `/users/${editorId}`, { roles: ['admin'] })
    const editor = await payload.findByID({ collection: 'users', id: editorId })
    expect(editor.roles).toEqual(['editor'])
  })

  it("does not let an editor change someone else's account", async () => {
    const response = await rest('editor', 'PATCH', `/users/${reviewerId}`, { displayName: 'Hijacked' })
    expect(response.status).toBe(403)
    const reviewer = await payload.findByID({ collection: 'users', id: reviewerId })
    expect(reviewer.displayName).not.toBe('Hijacked')
  })

  it('does not let an editor create accounts', async () => {
    const email = `${unique('intruder')}@example.com`
    const response = await rest('editor', 'POST', '/users', { email, password: 'x-long-password', displayName: 'X', roles: ['admin'] })
    expect(response.status).toBe(403)
    expect((await payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs).toBe(0)
  })

  it('lets a person edit their own profile', async () => {
    const response = await rest('reviewer', 'PATCH', `/users/${reviewerId}`, { bio: 'Obstetrician and gynecologist (demo profile).' })
    expect(response.status).toBe(200)
  })

  it('lets an admin change roles', async () => {
    const email = `${unique('new-reviewer')}@example.com`
    const created = await rest('admin', 'POST', '/users', {
      email,
      password: 'a-long-password',
      displayName: `New ${unique('person')}`,
      roles: ['editor'],
    })
    expect(created.status).toBe(201)
    const updated = await rest('admin', 'PATCH', `/users/${created.body.doc.id}`, { roles: ['reviewer'] })
    expect(updated.body.doc.roles).toEqual(['reviewer'])
  })

  it("does not show an editor other people's email addresses", async () => {
    const { status, body } = await rest('editor', 'GET', '/users?limit=100')
    expect(status).toBe(200)
    const others = body.docs.filter((user: any) => user.id !== editorId)
    expect(others.length).toBeGreaterThan(0)
    // Their name stands where their address would be (it is what Payload's lock dialog shows).
    expect(others.every((user: any) => user.email === user.displayName)).toBe(true)
    expect(JSON.stringify(others)).not.toContain('@')
    expect(body.docs.find((user: any) => user.id === editorId).email).toBe('editor@example.com')
    const single = await rest('editor', 'GET', `/users/${reviewerId}`)
    expect(single.body.email).toBe('Dr. Maya Chen')
    expect(single.body.displayName).toBe('Dr. Maya Chen')
  })

  it('shows an admin every email address', async () => {
    const { body } = await rest('admin', 'GET', `/users/${reviewerId}`)
    expect(body.email).toBe('reviewer@example.com')
  })

  it('lets a reviewer keep their professional profile, but not their roles', async () => {
    const response = await rest('reviewer', 'PATCH', `/users/${reviewerId}`, {
      credentials: 'MD, FACOG',
      licenceNumber: 'GMC 1234567',
      specialties: ['Obstetrics', 'Gynecology'],
      roles: ['admin', 'reviewer'],
    })
    expect(response.status).toBe(200)
    const reviewer = await payload.findByID({ collection: 'users', id: reviewerId })
    expect(reviewer.licenceNumber).toBe('GMC 1234567')
    expect(reviewer.roles).toEqual(['reviewer'])
  })

  it('puts roles in the login token', async () => {
    const { user } = await payload.login({
      collection: 'users',
      data: { email: 'reviewer@example.com', password: process.env.SEED_PASSWORD || 'vetted-demo' },
    })
    expect(user?.roles).toEqual(['reviewer'])
  })
})
