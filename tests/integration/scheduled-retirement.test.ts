// Scheduled retirement (POST /api/<collection>/:id/schedule-retirement): who may, what is
// refused, and the job that retires at the time, through the same path as a manual retirement.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, publishThroughWorkflow, readerView, sql, workflowStatus } from '../support/workflow'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
const schedule = (person: 'reviewer' | 'reviewer2' | 'editor', id: string, body: unknown) =>
  act(person, 'tips', id, 'schedule-retirement', body)

/** Runs the schedules queue as the runner would, once the jobs for this tip are due now. */
async function timeComes(id: string) {
  await sql(`update payload_jobs set wait_until = now() - interval '1 second' where queue = 'schedules' and input->>'id' = $1`, [id])
  await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
}

describe('scheduled retirement', () => {
  it('refuses editors, times without a zone or in the past, no reason, and content that is not live', async () => {
    const id = await publishThroughWorkflow('tips', tipData(unique('retire-refusals')))
    expect((await schedule('editor', id, { at: inMinutes(10), comment: 'x' })).status).toBe(403)
    expect((await schedule('reviewer', id, { at: '2027-01-01T10:00:00', comment: 'x' })).status).toBe(400)
    expect((await schedule('reviewer', id, { at: inMinutes(-5), comment: 'x' })).status).toBe(400)
    // A day that does not exist, an hour 24 and an offset no zone uses: refused, not rolled over.
    for (const at of ['2027-02-29T09:00Z', '2027-03-31T24:00:00Z', '2027-03-31T18:00:00+14:59']) {
      expect((await schedule('reviewer', id, { at, comment: 'x' })).status, at).toBe(400)
    }
    expect((await schedule('reviewer', id, { at: inMinutes(10) })).status).toBe(400)
    expect((await schedule('reviewer', id, { comment: 'x' })).status).toBe(400)
    expect((await act('anonymous', 'tips', id, 'schedule-retirement', { at: inMinutes(10), comment: 'x' })).status).toBe(401)
    const draft = await createDraft('editor', 'tips', tipData(unique('retire-draft')))
    expect((await schedule('reviewer', draft, { at: inMinutes(10), comment: 'x' })).status).toBe(409)
    expect((await workflowStatus('tips', id)).scheduledRetirement).toBeNull()
  })

  it('retires at the time, as the reviewer who scheduled it, with the trail entry, and not before', async () => {
    const id = await publishThroughWorkflow('tips', tipData(unique('retire-on-time')))
    const at = inMinutes(30)
    const scheduled = await schedule('reviewer', id, { at, comment: 'Winter advice ends' })
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200)
    expect(scheduled.body).toEqual({ retireAt: at, comment: 'Winter advice ends' })
    expect((await workflowStatus('tips', id)).scheduledRetirement).toEqual({ at, comment: 'Winter advice ends' })
    // Not yet: the job waits for its time.
    await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
    expect((await readerView('tips', id)).status).toBe(200)
    const before = Date.now()
    await timeComes(id)
    expect((await readerView('tips', id)).status).toBe(404)
    const status = await workflowStatus('tips', id)
    expect(status.state).toBe('retired')
    expect(status.scheduledRetirement).toBeNull()
    const [trail] = status.history
    expect(trail).toMatchObject({ decision: 'retired', comment: 'Winter advice ends', reviewerName: 'Dr. Maya Chen' })
    // The trail has the time it happened, not the time it was meant for.
    expect(new Date(trail.decidedAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('does nothing when cancelled, and only the latest time counts when moved', async () => {
    const cancelled = await publishThroughWorkflow('tips', tipData(unique('retire-cancelled')))
    expect((await schedule('reviewer', cancelled, { at: inMinutes(20), comment: 'Maybe' })).status).toBe(200)
    expect((await schedule('reviewer2', cancelled, { at: null })).body).toEqual({ retireAt: null, comment: null })
    await timeComes(cancelled)
    expect((await readerView('tips', cancelled)).status).toBe(200)

    const moved = await publishThroughWorkflow('tips', tipData(unique('retire-moved')))
    expect((await schedule('reviewer', moved, { at: inMinutes(20), comment: 'First plan' })).status).toBe(200)
    const later = inMinutes(90)
    expect((await schedule('reviewer', moved, { at: later, comment: 'Second plan' })).status).toBe(200)
    // Only the first plan's job is due: it finds its schedule moved and does nothing.
    await sql(
      `update payload_jobs set wait_until = now() - interval '1 second' where queue = 'schedules' and input->>'id' = $1 and input->>'at' <> $2`,
      [moved, later],
    )
    await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
    expect((await readerView('tips', moved)).status).toBe(200)
    expect((await workflowStatus('tips', moved)).scheduledRetirement.comment).toBe('Second plan')
    await timeComes(moved)
    expect((await readerView('tips', moved)).status).toBe(404)
  })

  it('flags the articles that showed a retired tip, as a manual retirement does', async () => {
    const tip = await publishThroughWorkflow('tips', tipData(unique('retire-shared')))
    const article = await publishThroughWorkflow('articles', { ...articleData(unique('retire-shared-article')), tips: [Number(tip)] })
    expect((await schedule('reviewer', tip, { at: inMinutes(15), comment: 'Superseded' })).status).toBe(200)
    await timeComes(tip)
    const status = (await rest('reviewer', 'GET', `/articles/${article}/workflow`)).body
    expect(status.needsReReview).toBe(true)
    expect(status.reReviewReason).toMatch(/was retired/)
  })

  it('is not carried out when the reviewer who scheduled it is no longer one, and says so', async () => {
    const id = await publishThroughWorkflow('tips', tipData(unique('retire-demoted')))
    expect((await schedule('reviewer2', id, { at: inMinutes(15), comment: 'Planned' })).status).toBe(200)
    await sql(`update workflow set retire_scheduled_by_id = $1 where key = $2`, [await formerReviewer(), `tips:${id}`])
    await timeComes(id)
    expect((await readerView('tips', id)).status).toBe(200)
    expect((await workflowStatus('tips', id)).scheduledRetirement).toBeNull()
  })
})

async function formerReviewer(): Promise<number> {
  const person = await payload.create({
    collection: 'users',
    data: {
      email: `${unique('former')}@example.org`,
      password: 'a-long-enough-password',
      displayName: unique('Former reviewer'),
      roles: ['editor'],
    },
  })
  return person.id
}
