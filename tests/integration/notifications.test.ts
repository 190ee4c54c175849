// E-mail notifications, end to end against a real SMTP server (tests/support/smtp-sink.ts):
// who is told what, that mail carries no medical text, that it leaves only from the jobs
// queue (an SMTP outage delays mail and never an approval), digests, the daily scan, and
// that nobody runs the queue over HTTP.
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique, demoPeopleIds } from '../support/payload'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { act, approve, createDraft, sql, submit } from '../support/workflow'
import { runDailyScan } from '@/jobs/daily-scan'
import { scheduleDailyScan } from '@/jobs/daily-schedule'
import { createLocalReq } from 'payload'

let payload: Payload
let sink: SmtpSink
let ids: Record<'editor' | 'reviewer' | 'reviewer2' | 'admin', number>

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  ids = await demoPeopleIds(payload, ['editor', 'reviewer', 'reviewer2', 'admin'] as const)
  sink = await startSmtpSink({ port: Number(process.env.SMTP_TEST_PORT) })
  // Mail other test files queued is not this file's business.
  await sql('delete from payload_jobs')
})

afterAll(async () => {
  await sql(`update users set notification_delivery = 'immediate' where email like '%@example.com'`)
  await sink?.close()
})

beforeEach(async () => {
  await sink.setMode('up')
})

/** Runs the mail queue as the background runner would, until nothing is left to run now. */
async function sendQueuedMail() {
  for (let round = 0; round < 10; round++) {
    const result = await payload.jobs.run({ queue: 'notifications', limit: 100, silent: true })
    if (result.noJobsRemaining || !result.jobStatus || Object.keys(result.jobStatus).length === 0) return
  }
}

const scan = async () => runDailyScan(await createLocalReq({}, payload))

/** Mail naming `marker`: in its subject, or as a line of a mail that gathers several. */
const mailAbout = (marker: string, to?: string) =>
  sink.mail.filter((mail) => `${mail.subject}\n${mail.text}`.includes(marker) && (to === undefined || mail.to.includes(to)))

const notificationsAbout = async (marker: string) =>
  (
    await sql(
      `select n.kind, n.status, n.delivery, u.email from notifications n join users u on u.id = n.recipient_id where n.document_title like $1 order by n.id`,
      [`%${marker}%`],
    )
  ).rows

async function submittedTip(marker: string) {
  const id = await createDraft('editor', 'tips', tipData(marker))
  const versionId = await submit('editor', 'tips', id)
  return { id, versionId }
}

const setDelivery = (person: keyof typeof ids, delivery: 'immediate' | 'digest' | 'off') =>
  sql('update users set notification_delivery = $1 where id = $2', [delivery, ids[person]])

describe('notifications of the review workflow', () => {
  it('tells every reviewer of a submission, by mail from the queue, with a link and without the medical text', async () => {
    const marker = unique('notify-submit')
    const { id } = await submittedTip(marker)
    expect(mailAbout(marker)).toEqual([])
    const rows = await notificationsAbout(marker)
    expect(rows.filter((row) => row.email === 'reviewer@example.com').map((row) => [row.kind, row.status])).toEqual([
      ['submitted', 'pending'],
    ])
    expect(rows.some((row) => row.email === 'editor@example.com')).toBe(false)
    await sendQueuedMail()
    const [mail] = mailAbout(marker, 'reviewer@example.com')
    expect(mail, 'a mail to reviewer@example.com').toBeDefined()
    expect(mail!.subject).toBe(`Vetted: Submitted for review: Tip ${marker}`)
    expect(mail!.from).toBe('vetted@example.test')
    expect(mail!.text).toContain(`/admin/collections/tips/${id}`)
    expect(mail!.text).toContain('Emma Clarke submitted this tip')
    // The tip's body ("Do this <marker>") is medical text: never in mail.
    expect(mail!.text + mail!.html).not.toContain(`Do this ${marker}`)
    expect(mailAbout(marker, 'reviewer2@example.com')).toHaveLength(1)
    expect(mailAbout(marker, 'editor@example.com')).toEqual([])
    expect((await notificationsAbout(marker)).find((row) => row.email === 'reviewer@example.com')?.status).toBe('sent')
  })

  it('tells an assignee once (not one who assigns themselves), the authors of changes requested (without the comment) and of the approval', async () => {
    const marker = unique('notify-round')
    const { id, versionId: submitted } = await submittedTip(marker)
    expect((await act('editor', 'tips', id, 'assign', { reviewerIds: [ids.reviewer2] })).status).toBe(200)
    expect((await act('reviewer', 'tips', id, 'assign', { reviewerIds: [ids.reviewer2, ids.reviewer] })).status).toBe(200)
    const secret = `Dose ${unique('secret')} mg is wrong`
    const changes = await act('reviewer2', 'tips', id, 'request-changes', { versionId: submitted, comment: secret })
    expect(changes.status, JSON.stringify(changes.body)).toBe(200)
    await sendQueuedMail()
    expect(mailAbout(`Please review the tip: Tip ${marker}`, 'reviewer2@example.com')).toHaveLength(1)
    // Who assigns themselves is not told.
    expect(mailAbout(`Please review the tip: Tip ${marker}`, 'reviewer@example.com')).toEqual([])
    const [changesMail] = mailAbout(`Changes requested: Tip ${marker}`, 'editor@example.com')
    expect(changesMail!.text).toContain('Dr. Samuel Okafor requested changes')
    expect(changesMail!.text + changesMail!.html).not.toContain(secret)
    const versionId = await submit('editor', 'tips', id)
    await approve('reviewer', 'tips', id, versionId)
    await sendQueuedMail()
    expect(mailAbout(`Approved and live: Tip ${marker}`, 'editor@example.com')).toHaveLength(1)
    // The approver is not told of their own approval.
    expect(mailAbout(`Approved and live: Tip ${marker}`, 'reviewer@example.com')).toEqual([])
  })

  it('sends nothing to a person who turned mail off, and gathers a digest person’s day into one mail', async () => {
    const first = unique('notify-digest-a')
    const second = unique('notify-digest-b')
    await setDelivery('reviewer', 'off')
    await setDelivery('reviewer2', 'digest')
    try {
      await submittedTip(first)
      await submittedTip(second)
      await sendQueuedMail()
      expect(mailAbout(first, 'reviewer@example.com')).toEqual([])
      expect(mailAbout(first, 'reviewer2@example.com')).toEqual([])
      expect((await notificationsAbout(first)).some((row) => row.email === 'reviewer@example.com')).toBe(false)
      expect((await notificationsAbout(first)).find((row) => row.email === 'reviewer2@example.com')).toMatchObject({
        delivery: 'digest',
        status: 'pending',
      })
      const before = sink.mail.length
      await scan()
      await sendQueuedMail()
      const digests = sink.mail
        .slice(before)
        .filter((mail) => mail.to.includes('reviewer2@example.com') && /update.? for you today/.test(mail.subject))
      expect(digests).toHaveLength(1)
      expect(digests[0]!.text).toContain(`Tip ${first}`)
      expect(digests[0]!.text).toContain(`Tip ${second}`)
      // A second daily run finds nothing left to send.
      await scan()
      await sendQueuedMail()
      expect(
        sink.mail.slice(before).filter((mail) => mail.to.includes('reviewer2@example.com') && /for you today/.test(mail.subject)),
      ).toHaveLength(1)
    } finally {
      await setDelivery('reviewer', 'immediate')
      await setDelivery('reviewer2', 'immediate')
    }
  })
})

describe('an SMTP outage', () => {
  it('never reaches an approval: the mail waits in the queue, retries later with backoff, and then arrives', async () => {
    const marker = unique('notify-outage')
    const { id, versionId } = await submittedTip(marker)
    await sendQueuedMail()
    await sink.setMode('hang')
    const connectionsBefore = sink.connections()
    const approved = await act('reviewer', 'tips', id, 'approve', { versionId })
    expect(approved.status).toBe(200)
    expect(approved.body.state).toBe('published')
    // The approval opened no connection to the mail server: mail is not its business.
    expect(sink.connections()).toBe(connectionsBefore)
    await sendQueuedMail()
    expect(sink.connections()).toBeGreaterThan(connectionsBefore)
    expect(mailAbout(`Approved and live: Tip ${marker}`)).toEqual([])
    const waiting = (
      await sql(
        `select id, total_tried, wait_until, has_error from payload_jobs where input->'notificationIds' @> (select to_jsonb(array_agg(id)) from notifications where document_title = $1 and kind = 'approved')`,
        [`Tip ${marker}`],
      )
    ).rows
    expect(waiting).toHaveLength(1)
    expect(Number(waiting[0]!.total_tried)).toBe(1)
    expect(waiting[0]!.has_error).toBe(false)
    expect(new Date(waiting[0]!.wait_until).getTime()).toBeGreaterThan(Date.now())
    const [row] = await notificationsAbout(marker).then((rows) => rows.filter((r) => r.kind === 'approved'))
    expect(row!.status).toBe('pending')
    // The mail server is back; the backoff has passed.
    await sink.setMode('up')
    await sql("update payload_jobs set wait_until = now() - interval '1 second' where id = $1", [waiting[0]!.id])
    await sendQueuedMail()
    expect(mailAbout(`Approved and live: Tip ${marker}`, 'editor@example.com')).toHaveLength(1)
    expect((await notificationsAbout(marker)).find((r) => r.kind === 'approved')!.status).toBe('sent')
  })
})

describe('the daily scan', () => {
  const DAY = 86_400_000

  it('reminds reviewers of a submission short of its sign-off for two days, once', async () => {
    const marker = unique('notify-stalled')
    const { id } = await submittedTip(marker)
    await sql(`update workflow set submitted_at = now() - interval '3 days' where key = $1`, [`tips:${id}`])
    await sendQueuedMail()
    await scan()
    await scan()
    await sendQueuedMail()
    const reminders = mailAbout(`Your approval is still needed: Tip ${marker}`, 'reviewer@example.com')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.text).toContain('0 of 1 approval so far')
    expect(mailAbout(`Your approval is still needed: Tip ${marker}`, 'editor@example.com')).toEqual([])
  })

  it('tells the last approvers of content due for review within 30 days, and again when it is overdue', async () => {
    const marker = unique('notify-due')
    const { id, versionId } = await submittedTip(marker)
    await approve('reviewer2', 'tips', id, versionId)
    const table = 'tips'
    await sql(`update ${table} set review_next_review_due = $1 where id = $2`, [new Date(Date.now() + 10 * DAY).toISOString(), id])
    await scan()
    await sendQueuedMail()
    const due = mailAbout(`Review due soon: Tip ${marker}`)
    expect(due.map((mail) => mail.to).flat()).toEqual(['reviewer2@example.com'])
    await sql(`update ${table} set review_next_review_due = $1 where id = $2`, [new Date(Date.now() - DAY).toISOString(), id])
    await scan()
    await sendQueuedMail()
    expect(mailAbout(`Review overdue: Tip ${marker}`, 'reviewer2@example.com')).toHaveLength(1)
  })

  it('tells a reviewer whose registration lapses within 30 days', async () => {
    const number = unique('GMC')
    const person = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('lapsing')}@example.org`,
        password: 'a-long-enough-password',
        displayName: unique('Dr. Lapsing'),
        roles: ['reviewer'],
        registrations: [{ body: 'GMC', number, validUntil: new Date(Date.now() + 12 * DAY).toISOString() }],
      },
    })
    await scan()
    await sendQueuedMail()
    // Alone, or in one mail with the day's other reminders for this reviewer.
    const mails = sink.mail.filter((m) => m.to.includes(person.email) && (m.subject + m.text).includes(number))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject + mails[0]!.text).toContain(`Your registration lapses soon: GMC ${number}`)
    expect(mails[0]!.text).toContain('/admin/account')
  })
})

describe('the jobs queue over HTTP', () => {
  it('is run by the background runner only: nobody, admins included, runs or queues jobs through the API', async () => {
    for (const person of ['admin', 'reviewer', 'editor', 'anonymous'] as const) {
      const run = await rest(person, 'GET', '/payload-jobs/run?queue=notifications')
      expect(run.status, person).toBe(401)
      const schedule = await rest(person, 'GET', '/payload-jobs/handle-schedules')
      expect(schedule.status, person).toBe(401)
      expect((await rest(person, 'GET', '/payload-jobs')).status, person).not.toBe(200)
      // No scheduling bookkeeping anyone could write (Payload's would be a global open to every login).
      expect((await rest(person, 'POST', '/globals/payload-jobs-stats', { stats: {} })).status, person).toBe(404)
    }
  })

  it('shows each person only their own notifications; admins see all', async () => {
    const mine = await rest('editor', 'GET', '/notifications?limit=100&depth=0')
    expect(mine.status).toBe(200)
    expect(mine.body.docs.length).toBeGreaterThan(0)
    expect(mine.body.docs.every((doc: { recipient: number }) => doc.recipient === ids.editor)).toBe(true)
    const all = await rest('admin', 'GET', '/notifications?limit=100&depth=0')
    expect(new Set(all.body.docs.map((doc: { recipient: number }) => doc.recipient)).size).toBeGreaterThan(1)
    expect((await rest('anonymous', 'GET', '/notifications')).status).toBe(403)
    expect(
      (
        await rest('admin', 'POST', '/notifications', {
          recipient: ids.editor,
          kind: 'approved',
          subject: 'x',
          link: 'x',
          delivery: 'immediate',
          dedupeKey: unique('x'),
        })
      ).status,
    ).toBe(403)
  })
})

describe('the daily job', () => {
  it('is queued by the runner for the next 07:00 UTC, once, and runs the scan when that time comes', async () => {
    const marker = unique('notify-scheduled')
    const { id } = await submittedTip(marker)
    await sql(`update workflow set submitted_at = now() - interval '3 days' where key = $1`, [`tips:${id}`])
    await sql(`delete from payload_jobs where queue = 'daily'`)
    const at = await scheduleDailyScan(payload)
    expect(await scheduleDailyScan(payload), 'one waiting daily job at most').toBeNull()
    const jobs = (await sql(`select id, task_slug, wait_until from payload_jobs where queue = 'daily'`)).rows
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.task_slug).toBe('dailyNotifications')
    const waitUntil = new Date(jobs[0]!.wait_until)
    expect(waitUntil.toISOString()).toBe(at!.toISOString())
    expect(waitUntil.getUTCHours()).toBe(7)
    expect(waitUntil.getUTCMinutes()).toBe(0)
    expect(waitUntil.getTime() - Date.now()).toBeGreaterThan(0)
    expect(waitUntil.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000)
    // Not yet: nothing runs.
    await payload.jobs.run({ queue: 'daily', silent: true })
    expect((await notificationsAbout(marker)).some((row) => row.kind === 'approval_needed')).toBe(false)
    // The time comes.
    await sql("update payload_jobs set wait_until = now() - interval '1 second' where id = $1", [jobs[0]!.id])
    await payload.jobs.run({ queue: 'daily', silent: true })
    expect(
      (await notificationsAbout(marker)).filter((row) => row.kind === 'approval_needed' && row.email === 'reviewer@example.com'),
    ).toHaveLength(1)
    await sql(`delete from payload_jobs where queue = 'daily'`)
  })

  it('sends a row once even when two jobs name it', async () => {
    const marker = unique('notify-twice')
    await submittedTip(marker)
    const [row] = (
      await sql(
        `select n.id from notifications n join users u on u.id = n.recipient_id where n.document_title = $1 and u.email = 'reviewer@example.com'`,
        [`Tip ${marker}`],
      )
    ).rows
    await payload.jobs.queue({ task: 'sendNotification', queue: 'notifications', input: { notificationIds: [row!.id] } })
    await sendQueuedMail()
    expect(mailAbout(marker, 'reviewer@example.com')).toHaveLength(1)
  })
})
