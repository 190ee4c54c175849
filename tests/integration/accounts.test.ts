// One account (admins included) must not be able to publish alone, and strangers must not
// be able to probe or lock accounts. Attacks: a look-alike reviewer, a fresh reviewer
// account, a password reset by an admin, a later profile edit rewriting an old byline,
// editing the audit log in SQL, probing logins and locking a reviewer out.
import type { Payload } from 'payload'
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { readArticle } from '@/site/published-content'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { loginToken, rest, restWithToken, testPayload, unique } from '../support/payload'
import { createDraft, submit, sql } from '../support/workflow'
import { RESETS_PER_WINDOW } from '@/accounts/password-reset-throttle'
import { displayNameKey } from '@/accounts/display-name'
import { fold as previousDisplayNameKey } from '@/migrations/20261129_072536_accounts_audit'
import { startSmtpSink } from '../support/smtp-sink'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const PASSWORD = 'a-long-enough-password'

/** A reviewer account made by the server itself (like the seed): no hold. */
async function serverMadeReviewer(label: string) {
  const email = `${unique(label)}@example.org`
  const doc = await payload.create({
    collection: 'users',
    data: {
      email,
      password: PASSWORD,
      displayName: `Dr. ${unique(label)}`,
      roles: ['reviewer'],
      credentials: 'MD',
      specialties: ['Obstetrics'],
    },
  })
  return { id: String(doc.id), email }
}

const tokenOf = (email: string, password = PASSWORD) => loginToken(email, password)

const approveAs = (token: string, collection: 'tips' | 'articles', id: string, versionId: string) =>
  restWithToken(token, 'POST', `/${collection}/${id}/approve`, { versionId, evidenceChecked: true, readingLevelAcknowledged: true })

/** An admin account made by the server itself (no hold), logged in. */
async function serverMadeAdmin(label: string, roles: ('admin' | 'reviewer')[] = ['admin']) {
  const email = `${unique(label)}@example.org`
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, displayName: `Admin ${unique(label)}`, roles },
  })
  return { id: String(doc.id), email, token: await tokenOf(email) }
}

/** An editor account made by the server itself (no hold), with `displayName` or a unique one. */
async function serverMadeEditor(label: string, displayName = `${label} ${unique('t')}`) {
  const email = `${unique(label.toLowerCase())}@example.org`
  const doc = await payload.create({ collection: 'users', data: { email, password: PASSWORD, displayName, roles: ['editor'] } })
  return { id: doc.id, email }
}

async function submittedTip() {
  const id = await createDraft('editor', 'tips', tipData())
  return { id, versionId: await submit('editor', 'tips', id) }
}

const auditEvents = async (subjectId: string) =>
  (await sql(`select event, actor_id from audit_log where subject_id = $1 order by id`, [Number(subjectId)])).rows

describe('display names', () => {
  it('refuses a look-alike of an existing reviewer, however it is spelled', async () => {
    for (const name of ['Dr. Maya Chen', 'dr maya chen', 'DR.  MAYA CHÉN']) {
      const response = await rest('admin', 'POST', '/users', {
        email: `${unique('twin')}@example.org`,
        password: PASSWORD,
        displayName: name,
        roles: ['reviewer'],
      })
      expect(response.status, name).toBe(400)
      expect(JSON.stringify(response.body)).toMatch(/name looks the same/)
    }
  })

  it('refuses look-alikes made with invisible characters or letters of other scripts', async () => {
    const create = (displayName: string) =>
      rest('admin', 'POST', '/users', { email: `${unique('twin')}@example.org`, password: PASSWORD, displayName, roles: ['reviewer'] })
    const variants = {
      'word joiner': ['Dr. Samuel Ok\u2060afor', /invisible character \(U\+2060\)/],
      'zero-width space': ['Dr. Samuel Oka\u200Bfor', /invisible character \(U\+200B\)/],
      'zero-width joiner': ['Dr. Samuel Ok\u200Dafor', /invisible character \(U\+200D\)/],
      'soft hyphen': ['Dr. Samuel Oka\u00ADfor', /invisible character \(U\+00AD\)/],
      Cyrillic: ['Dr. Samuel Ok\u0430for', /looks the same/],
      Greek: ['Dr. Samuel \u039Fkafor', /looks the same/],
    } as const
    for (const [variant, [name, message]] of Object.entries(variants)) {
      const response = await create(name)
      expect(response.status, variant).toBe(400)
      expect(JSON.stringify(response.body), variant).toMatch(message)
    }
    // The real reviewer is still the only person with the name.
    const { docs } = await payload.find({
      collection: 'users',
      where: { displayNameKey: { equals: displayNameKey('Dr. Samuel Okafor') } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((doc) => doc.displayName)).toEqual(['Dr. Samuel Okafor'])

    // A Persian name written with the non-joiner it needs is taken, and the same name without it is a look-alike.
    const persian = `دکتر مریم نیک\u200Cپور ${unique('p').slice(-5)}`
    expect((await create(persian)).status).toBe(201)
    const again = await create(persian.replace('\u200C', ''))
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toMatch(/looks the same/)
  })

  it('are compared by look once the migration has made every key again, and keep their profile addresses', async () => {
    const { up } = await import('@/migrations/20261207_020000_display_name_lookalikes')
    const label = unique('Migrated')
    const made = await serverMadeEditor('Migrated', `Dr. ${label} Okafor`)
    // As the previous release stored it: its fold, and an address made from it.
    const previousKey = previousDisplayNameKey(`Dr. ${label} Okafor`)
    await sql(`update users set display_name_key = $1 where id = $2`, [previousKey, made.id])
    const before = (await sql(`select profile_slug from users where id = $1`, [made.id])).rows[0].profile_slug
    await up({ db: payload.db.drizzle, payload, req: {} } as never)
    const after = (await sql(`select display_name_key, profile_slug from users where id = $1`, [made.id])).rows[0]
    expect(after.profile_slug).toBe(before)
    const lookAlike = await rest('admin', 'POST', '/users', {
      email: `${unique('twin')}@example.org`,
      password: PASSWORD,
      displayName: `Dr. ${label} Ok\u0430for`,
      roles: ['editor'],
    })
    expect(lookAlike.status).toBe(400)
    expect(after.display_name_key).not.toBe(previousKey)
  })

  it('keep both of two people whose names only now look the same, whichever was made first', async () => {
    const { up } = await import('@/migrations/20261207_020000_display_name_lookalikes')
    // Letters the look-alike fold leaves as they are, so the Latin name's old key is the Cyrillic one's new key.
    const tag = Array.from({ length: 8 }, () => 'abcdefghknpqrstuvwxyz'[Math.floor(Math.random() * 21)]).join('')
    const cyrillic = await serverMadeEditor('Pair', `Dr. ${tag} W\u0435i`)
    const latin = await serverMadeEditor('Pair', `Dr. ${tag} Other`)
    // As the previous release stored them: the Latin name beside it, both keys of its fold.
    await sql(`update users set display_name = $1 where id = $2`, [`Dr. ${tag} Wei`, latin.id])
    await sql(`update users set display_name_key = $1 where id = $2`, [previousDisplayNameKey(`Dr. ${tag} W\u0435i`), cyrillic.id])
    await sql(`update users set display_name_key = $1 where id = $2`, [previousDisplayNameKey(`Dr. ${tag} Wei`), latin.id])
    await up({ db: payload.db.drizzle, payload, req: {} } as never)
    const keys = (await sql(`select id, display_name_key from users where id in ($1, $2) order by id`, [cyrillic.id, latin.id])).rows
    expect(keys.map((row) => row.display_name_key)).toEqual([`dr ${tag} wei`, `dr ${tag} wei ${latin.id}`])
  })
})

describe('an account someone else set up or changed', () => {
  it('may not approve for 24 hours when an admin created it', async () => {
    const email = `${unique('fresh')}@example.org`
    const created = await rest('admin', 'POST', '/users', {
      email,
      password: PASSWORD,
      displayName: `Dr. ${unique('Fresh')}`,
      roles: ['reviewer'],
    })
    expect(created.status).toBe(201)
    const tip = await submittedTip()
    const refused = await approveAs(await tokenOf(email), 'tips', tip.id, tip.versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/was created by someone else.*paused until/)
    expect((await rest('anonymous', 'GET', `/tips/${tip.id}`)).status).toBe(404)
    expect(await auditEvents(String(created.body.doc.id))).toEqual([{ event: 'account_created', actor_id: expect.any(Number) }])
  })

  it('may not approve after an admin reset its password, and the reset is in the audit log', async () => {
    const reviewer = await serverMadeReviewer('reset')
    const tip = await submittedTip()
    const reset = await rest('admin', 'PATCH', `/users/${reviewer.id}`, { password: 'the-admin-knows-this-one' })
    expect(reset.status).toBe(200)
    const refused = await approveAs(await tokenOf(reviewer.email, 'the-admin-knows-this-one'), 'tips', tip.id, tip.versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/password was changed by someone else/)
    const events = await auditEvents(reviewer.id)
    expect(events.map((e) => e.event)).toEqual(['account_created', 'password_changed'])
    expect(events[0].actor_id).toBeNull()
    expect(events[1].actor_id).not.toBeNull()
  })

  it('may not approve after an admin changed its credentials; its own changes do not hold it', async () => {
    const reviewer = await serverMadeReviewer('creds')
    const token = await tokenOf(reviewer.email)
    const selfEdit = await restWithToken(token, 'PATCH', `/users/${reviewer.id}`, { credentials: 'MD, PhD' })
    expect(selfEdit.status).toBe(200)
    const first = await submittedTip()
    expect((await approveAs(token, 'tips', first.id, first.versionId)).status).toBe(200)

    await rest('admin', 'PATCH', `/users/${reviewer.id}`, { credentials: 'MD, FACOG, FRCOG' })
    const second = await submittedTip()
    const refused = await approveAs(token, 'tips', second.id, second.versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/credentials were changed/)
    const log = (
      await sql(`select event, before, after from audit_log where subject_id = $1 and event = 'credentials_changed' order by id`, [
        Number(reviewer.id),
      ])
    ).rows
    expect(log).toHaveLength(2)
    expect(log[1].before.credentials).toBe('MD, PhD')
    expect(log[1].after.credentials).toBe('MD, FACOG, FRCOG')
  })

  it('records role changes with who made them', async () => {
    const reviewer = await serverMadeReviewer('roles')
    await rest('admin', 'PATCH', `/users/${reviewer.id}`, { roles: ['reviewer', 'editor'] })
    const [row] = (
      await sql(
        `select a.event, u.email as actor from audit_log a join users u on u.id = a.actor_id where a.subject_id = $1 and a.event = 'roles_changed'`,
        [Number(reviewer.id)],
      )
    ).rows
    expect(row).toEqual({ event: 'roles_changed', actor: 'admin@example.com' })
  })
})

describe('one admin with a second account', () => {
  it('is held after granting themselves the reviewer role', async () => {
    const admin = await serverMadeAdmin('selfgrant')
    expect((await restWithToken(admin.token, 'PATCH', `/users/${admin.id}`, { roles: ['admin', 'reviewer'] })).status).toBe(200)
    const tip = await submittedTip()
    const token = await tokenOf(admin.email)
    const refused = await approveAs(token, 'tips', tip.id, tip.versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/roles were changed/)
  })

  it('cannot approve what an account they created wrote, however long ago', async () => {
    const approver = await serverMadeAdmin('puppeteer', ['admin', 'reviewer'])
    const email = `${unique('puppet')}@example.org`
    expect(
      (
        await restWithToken(approver.token, 'POST', '/users', {
          email,
          password: PASSWORD,
          displayName: `Puppet ${unique('p')}`,
          roles: ['editor'],
        })
      ).status,
    ).toBe(201)
    const puppet = await tokenOf(email)
    const created = await restWithToken(puppet, 'POST', '/tips?draft=true', tipData())
    const id = String(created.body.doc.id)
    const versionId = (await restWithToken(puppet, 'POST', `/tips/${id}/submit`, {})).body.versionId
    const refused = await approveAs(approver.token, 'tips', id, versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/written by an account you created/)
    expect((await rest('anonymous', 'GET', `/tips/${id}`)).status).toBe(404)
  })

  it('stays held when the admin who set it up is deleted', async () => {
    const first = await serverMadeAdmin('first')
    const secondEmail = `${unique('second')}@example.org`
    const second = await restWithToken(first.token, 'POST', '/users', {
      email: secondEmail,
      password: PASSWORD,
      displayName: `Second ${unique('a')}`,
      roles: ['admin'],
    })
    const reviewerEmail = `${unique('made')}@example.org`
    const made = await restWithToken(await tokenOf(secondEmail), 'POST', '/users', {
      email: reviewerEmail,
      password: PASSWORD,
      displayName: `Dr. ${unique('Made')}`,
      roles: ['reviewer'],
    })
    expect(made.status).toBe(201)
    expect((await restWithToken(first.token, 'DELETE', `/users/${second.body.doc.id}`)).status).toBe(200)
    const tip = await submittedTip()
    const refused = await approveAs(await tokenOf(reviewerEmail), 'tips', tip.id, tip.versionId)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/was created by someone else/)
  })

  it('cannot hide a hold under a flood of other audit events', async () => {
    const email = `${unique('flooded')}@example.org`
    await rest('admin', 'POST', '/users', { email, password: PASSWORD, displayName: `Dr. ${unique('Flood')}`, roles: ['reviewer'] })
    for (let i = 0; i < 110; i++) await rest('admin', 'POST', '/users/unlock', { email })
    const tip = await submittedTip()
    expect((await approveAs(await tokenOf(email), 'tips', tip.id, tip.versionId)).status).toBe(403)
  })

  it('cannot change several passwords in one request', async () => {
    const a = await serverMadeReviewer('bulk-a')
    const b = await serverMadeReviewer('bulk-b')
    const response = await rest('admin', 'PATCH', `/users?where[id][in]=${a.id},${b.id}`, { password: 'one-for-both-of-them' })
    expect(response.status).toBe(400)
    await tokenOf(a.email)
    await tokenOf(b.email)
  })
})

describe('the audit log', () => {
  it('is append-only, even in plain SQL', async () => {
    const [row] = (await sql(`select id from audit_log order by id desc limit 1`)).rows
    await expect(sql(`update audit_log set actor_name = 'nobody' where id = $1`, [row.id])).rejects.toThrow(/append-only/)
    await expect(sql(`delete from audit_log where id = $1`, [row.id])).rejects.toThrow(/append-only/)
    // Clearing a link is for accounts that are gone, not a way to erase who did something.
    const [linked] = (await sql(`select id from audit_log where actor_id is not null order by id desc limit 1`)).rows
    await expect(sql(`update audit_log set actor_id = null where id = $1`, [linked.id])).rejects.toThrow(/append-only/)
    // In a transaction that is rolled back, in case the guard were ever missing.
    await expect(sql(`begin; truncate audit_log cascade; rollback`)).rejects.toThrow(/append-only/)
  })

  it("keeps an account's history, by name, after the account is deleted", async () => {
    const email = `${unique('gone')}@example.org`
    const created = await rest('admin', 'POST', '/users', {
      email,
      password: PASSWORD,
      displayName: `Gone ${unique('p')}`,
      roles: ['editor'],
    })
    const id = created.body.doc.id
    expect((await rest('admin', 'DELETE', `/users/${id}`)).status).toBe(200)
    const rows = (
      await sql(`select event, subject_id, subject_email from audit_log where subject_email = $1 or before->>'email' = $1 order by id`, [
        email,
      ])
    ).rows
    expect(rows.map((row) => row.event)).toEqual(['account_created', 'account_deleted'])
    expect(rows.every((row) => row.subject_id === null)).toBe(true)
  })

  it('is for admins only, and nobody writes it over the API', async () => {
    expect((await rest('anonymous', 'GET', '/audit-log')).status).toBe(403)
    expect((await rest('reviewer', 'GET', '/audit-log')).status).toBe(403)
    expect((await rest('admin', 'GET', '/audit-log?limit=1')).status).toBe(200)
    expect(
      (await rest('admin', 'POST', '/audit-log', { event: 'account_created', summary: 'x', at: new Date().toISOString() })).status,
    ).toBe(403)
  })
})

describe('the byline of an old approval', () => {
  it("keeps the reviewer's name, credentials and specialties as they were when they approved", async () => {
    const reviewer = await serverMadeReviewer('byline')
    const token = await tokenOf(reviewer.email)
    const id = await createDraft('editor', 'articles', articleData())
    const versionId = await submit('editor', 'articles', id)
    const approved = await approveAs(token, 'articles', id, versionId)
    expect(approved.status).toBe(200)
    await payload.update({ collection: 'users', id: reviewer.id, data: { specialties: ['Dermatology'], credentials: 'changed later' } })
    const slug = (await rest('anonymous', 'GET', `/articles/${id}`)).body.slug
    const article = await readArticle(slug)
    expect(article?.signOff?.approvers).toEqual([expect.objectContaining({ credentials: 'MD', specialties: ['Obstetrics'] })])
  })
})

describe('logins', () => {
  const from = (address: string) => ({ 'X-Forwarded-For': address })
  const login = (email: string, password: string, address: string) =>
    rest('anonymous', 'POST', '/users/login', { email, password }, from(address))

  it('lock an account for one source address after five failures, not for everyone', async () => {
    const { email } = await serverMadeEditor('Lock')
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(email, `wrong-${attempt}`, '203.0.113.7')).status).toBe(401)
    const locked = await login(email, PASSWORD, '203.0.113.7')
    expect(locked.status).toBe(429)
    expect(locked.body.token).toBeUndefined()
    expect(locked.body.errors[0].message).toMatch(/Too many failed logins .* from your address/)
    // The account's owner, elsewhere, still gets in.
    expect((await login(email, PASSWORD, '198.51.100.20')).status).toBe(200)
    // An admin unlocks it for every address.
    expect((await rest('admin', 'POST', '/users/unlock', { email })).status).toBe(200)
    expect((await login(email, PASSWORD, '203.0.113.7')).status).toBe(200)
    const unlocks = (await sql(`select count(*)::int as n from audit_log where event = 'logins_unlocked' and subject_email = $1`, [email]))
      .rows[0].n
    expect(unlocks).toBe(1)
  })

  it('answer the same whether or not the account exists', async () => {
    const { email: real } = await serverMadeEditor('Real')
    const made = `${unique('nobody')}@example.org`
    const answers = async (email: string) => {
      const seen: string[] = []
      for (let attempt = 0; attempt < 7; attempt++) {
        const response = await login(email, `wrong-${attempt}`, '192.0.2.44')
        seen.push(`${response.status} ${response.body.errors[0].message.replace(/after \d\d:\d\d/, 'after T')}`)
      }
      return seen
    }
    const forReal = await answers(real)
    expect(forReal).toEqual(await answers(made))
    expect(forReal.slice(0, 5).every((line) => line.startsWith('401'))).toBe(true)
    expect(forReal.slice(5).every((line) => line.startsWith('429'))).toBe(true)
  })

  it('spend the same password hash on an address with no account as on a wrong password', async () => {
    const { email: real } = await serverMadeEditor('Timing')
    const hashesOf = async (email: string) => {
      const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
      try {
        expect((await login(email, 'not-the-password', '198.51.100.61')).status).toBe(401)
        return pbkdf2.mock.calls.map(([password, , iterations, keyLength, digest]) => ({ password, iterations, keyLength, digest }))
      } finally {
        pbkdf2.mockRestore()
      }
    }
    const forReal = await hashesOf(real)
    // Payload's own check of the stored hash: one PBKDF2 of the password given.
    expect(forReal).toEqual([{ password: 'not-the-password', iterations: 600_000, keyLength: 32, digest: 'sha256' }])
    expect(await hashesOf(`${unique('nobody')}@example.org`)).toEqual(forReal)
  })

  it('cannot be unlocked by a stranger', async () => {
    const { email } = await serverMadeEditor('Unlock')
    for (let attempt = 0; attempt < 5; attempt++) await login(email, `wrong-${attempt}`, '203.0.113.77')
    for (const person of ['anonymous', 'editor'] as const) expect((await rest(person, 'POST', '/users/unlock', { email })).status).toBe(403)
    expect((await login(email, PASSWORD, '203.0.113.77')).status).toBe(429)
  })

  it('ask for password resets a few times per source address, the same answer whether or not the account exists', async () => {
    const { email: real } = await serverMadeEditor('Reset')
    const nobody = `${unique('nobody')}@example.org`
    const ask = async (email: string, address: string) => {
      const response = await rest('anonymous', 'POST', '/users/forgot-password', { email }, from(address))
      return `${response.status} ${JSON.stringify(response.body).replace(/after \d\d:\d\d/, 'after T')}`
    }
    const address = `203.0.113.${100 + Math.floor(Math.random() * 100)}`
    // The reset mail goes out through a real SMTP server.
    const sink = await startSmtpSink({ port: Number(process.env.SMTP_TEST_PORT) })
    try {
      const answers: string[] = []
      for (let request = 0; request < RESETS_PER_WINDOW; request++) answers.push(await ask(request % 2 ? nobody : real, address))
      expect(new Set(answers).size, answers.join('\n')).toBe(1)
      expect(answers[0]).toMatch(/^200 /)
      const mailed = sink.mail.filter((mail) => mail.to.includes(real)).length
      expect(mailed).toBeGreaterThan(0)
      const [overForReal, overForNobody] = [await ask(real, address), await ask(nobody, address)]
      expect(overForReal).toBe(overForNobody)
      expect(overForReal).toMatch(/^429 .*Too many password reset requests from your address: try again after T UTC/)
      expect(sink.mail.filter((mail) => mail.to.includes(real)).length).toBe(mailed)
      // Another address is not held up, and an admin sending reset links is not counted.
      expect(await ask(nobody, '198.51.100.62')).toBe(answers[0])
      expect((await rest('admin', 'POST', '/users/forgot-password', { email: real }, from(address))).status).toBe(200)
    } finally {
      await sink.close()
    }
  })

  it('cannot be used to find out whether an email address is taken', async () => {
    const before = (await rest('editor', 'GET', '/users/me')).body.user
    const taken = await rest('editor', 'PATCH', `/users/${before.id}`, { email: 'reviewer@example.com' })
    const free = await rest('editor', 'PATCH', `/users/${before.id}`, { email: `${unique('free')}@example.org` })
    expect(taken.status).toBe(free.status)
    expect(JSON.stringify(taken.body)).not.toMatch(/unique|taken|already/i)
    expect((await rest('editor', 'GET', '/users/me')).body.user.email).toBe('editor@example.com')
    // Nor by searching or sorting on addresses.
    for (const path of [
      '/users?where[email][like]=reviewer',
      '/users?where[or][0][email][equals]=reviewer@example.com',
      '/users?sort=email',
    ]) {
      expect((await rest('editor', 'GET', path)).status, path).toBe(403)
    }
    expect((await rest('admin', 'GET', '/users?where[email][like]=reviewer')).status).toBe(200)
  })
})
