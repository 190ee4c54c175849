// Releases and scheduled go-live over the REST API: several approved changes go live together,
// at the time chosen, or not at all; exactly the approved versions; never seen before.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readArticle, readSitemapEntries, runSearch } from '@/site/published-content'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { graphqlQuery, loginToken, rest, restWithToken, testPayload, unique } from '../support/payload'
import { act, approve, editDraft, publishThroughWorkflow, readerView, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
const started = new Date()

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

// Leave the review queue as this file found it (the queue shows the 50 oldest of each section,
// and other files look for their own submissions in it): releases cancelled, submissions ended.
afterAll(async () => {
  const releases = await sql(`select id from releases where state in ('open', 'submitted', 'scheduled') and created_at >= $1`, [started])
  for (const { id } of releases.rows) await rest('editor', 'POST', `/releases/${id}/cancel`)
  const waiting = await sql(
    `select document_collection::text as collection, document_id as id, submitted_version as version from workflow where state in ('in_review', 'approved') and submitted_at >= $1`,
    [started],
  )
  for (const row of waiting.rows) {
    await act('reviewer2', row.collection, row.id, 'request-changes', { versionId: row.version, comment: 'Test tidy-up.' })
  }
})

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

type Set = { article: string; slug: string; tips: [string, string]; warning: string; old: string; next: string }

/** A live article showing two live tips and a live warning, each then edited with the `next` marker. */
async function liveSetWithDrafts(): Promise<Set> {
  const old: string = unique('OLD')
  const next = unique('NEW')
  const tips: [string, string] = [
    await publishThroughWorkflow('tips', tipData(`${old}-a`)),
    await publishThroughWorkflow('tips', tipData(`${old}-b`)),
  ]
  const warning = await publishThroughWorkflow('warnings', warningData(old))
  const data = { ...articleData(old), tips: tips.map(Number), warnings: [Number(warning)] }
  const article = await publishThroughWorkflow('articles', data)
  const slug = (await readerView('articles', article)).body.slug as string
  for (const [index, tip] of tips.entries()) await editDraft('editor', 'tips', tip, { body: `Do this ${next}-${index}` })
  await editDraft('editor', 'warnings', warning, { action: `Act ${next}` })
  await editDraft('editor', 'articles', article, { summary: `Summary ${next}` })
  return { article, slug, tips, warning, old, next }
}

const members = (set: Set) => [
  { collection: 'tips', id: set.tips[0] },
  { collection: 'tips', id: set.tips[1] },
  { collection: 'warnings', id: set.warning },
  { collection: 'articles', id: set.article },
]

async function createRelease(name = unique('Calcium guideline')): Promise<string> {
  const created = await rest('editor', 'POST', '/releases', { name })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return String(created.body.doc.id)
}

async function releaseOf(set: Set): Promise<string> {
  const id = await createRelease()
  for (const member of members(set)) {
    const added = await rest('editor', 'POST', `/releases/${id}/members`, member)
    expect(added.status, JSON.stringify(added.body)).toBe(200)
  }
  const submitted = await rest('editor', 'POST', `/releases/${id}/submit`)
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  return id
}

/** Each member approved on its own, shared content first (an article is signed with them). */
async function approveEach(set: Set, person: 'reviewer' | 'reviewer2' = 'reviewer') {
  for (const { collection, id } of members(set)) {
    const status = await workflowStatus(collection as 'tips', id)
    const answer = await act(person, collection as 'tips', id, 'approve', { versionId: status.submission.versionId })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body.state).toBe('approved')
  }
}

/** What a reader gets for the article over REST, reduced to which side of the change each part is on. */
async function readerSides(set: Set) {
  const { status, body } = await rest('anonymous', 'GET', `/articles?where[slug][equals]=${set.slug}&depth=1`)
  expect(status).toBe(200)
  const doc = body.docs[0]
  const side = (text: string) => (text.includes(set.next) ? 'new' : text.includes(set.old) ? 'old' : 'other')
  return [
    side(doc.summary),
    ...doc.tips.map((tip: { body: string }) => side(tip.body)),
    ...doc.warnings.map((w: { action: string }) => side(w.action)),
  ]
}

/** The same, over GraphQL (whose relationships resolve after the article's own read). */
async function graphqlSides(set: Set) {
  const { body } = await graphqlQuery(
    'anonymous',
    `{ Articles(where: { slug: { equals: "${set.slug}" } }) { docs { summary tips { body } warnings { action } } } }`,
  )
  const doc = body.data.Articles.docs[0]
  const side = (text: string) => (text.includes(set.next) ? 'new' : text.includes(set.old) ? 'old' : 'other')
  return [
    side(doc.summary),
    ...doc.tips.map((tip: { body: string }) => side(tip.body)),
    ...doc.warnings.map((w: { action: string }) => side(w.action)),
  ]
}

// A second in the past: now() stored to the millisecond can round up past the runner's clock,
// and a job due "now" would then wait for the next run.
const timeComes = async (filter: string, value: string) => {
  await sql(`update payload_jobs set wait_until = now() - interval '1 second' where queue = 'schedules' and input->>'${filter}' = $1`, [
    value,
  ])
  await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
}

describe('a release', () => {
  it('goes live in one transaction when every member is approved: readers polling meanwhile (REST, GraphQL, the page) never see a mix', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    await approveEach(set)
    // Approved, all of it, and still nothing of it reaches readers.
    expect(await readerSides(set)).toEqual(['old', 'old', 'old', 'old'])
    const view = (await rest('reviewer', 'GET', `/releases/${release}`)).body
    expect(view).toMatchObject({ state: 'submitted', ready: true, summary: '4 of 4 approved' })
    // The queue lists them as approved and waiting, with their release.
    const queue = (await rest('editor', 'GET', '/review-queue')).body
    const waiting = queue.waitingToGoLive.filter((item: { id: string }) => members(set).some((m) => m.id === item.id))
    expect(waiting.map((item: { reason: string }) => item.reason)).toEqual(Array(4).fill('Goes live with its release'))
    expect(view.members.map((m: { status: string }) => m.status)).toEqual(['approved', 'approved', 'approved', 'approved'])

    const seen: string[][] = []
    const pages: string[] = []
    let polling = true
    // Several readers at once, through the REST API and the page's own read, for the whole go-live.
    const poll = async (reader: number) => {
      while (polling) {
        if (reader % 3 === 0) {
          seen.push(['rest', ...(await readerSides(set))])
        } else if (reader % 3 === 1) {
          seen.push(['graphql', ...(await graphqlSides(set))])
        } else {
          const page = await readArticle(set.slug)
          pages.push(
            [page!.summary, ...page!.tips.map((tip) => tip.body), ...page!.warnings.map((w) => w.action)]
              .map((t) => (t.includes(set.next) ? 'new' : 'old'))
              .join(),
          )
        }
      }
    }
    const readers = Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8].map(poll))
    await new Promise((resolve) => setTimeout(resolve, 150))
    const live = await rest('reviewer', 'POST', `/releases/${release}/go-live`)
    await new Promise((resolve) => setTimeout(resolve, 150))
    polling = false
    await readers
    expect(live.status, JSON.stringify(live.body)).toBe(200)
    expect(live.body).toMatchObject({ state: 'live' })
    // Each answer all old or all new (the route that answered is named when one is not).
    const mixed = seen.filter(([, ...sides]) => new Set(sides).size > 1).map((answer) => answer.join(' '))
    expect(mixed).toEqual([])
    expect(new Set(seen.map(([, side]) => side))).toEqual(new Set(['old', 'new']))
    expect(new Set(pages)).toEqual(new Set(['old,old,old,old', 'new,new,new,new']))

    // The trail: one went-live record per member, naming the release, the version and when it happened.
    const trail = await sql(
      `select document_collection::text as c, version_id, release_id, publishes from reviews where decision = 'went_live' and release_id = $1`,
      [release],
    )
    expect(trail.rows).toHaveLength(4)
    expect(trail.rows.every((row) => row.publishes)).toBe(true)
    for (const { collection, id } of members(set)) expect((await workflowStatus(collection as 'tips', id)).state).toBe('published')
    // The page's sign-off is the approvals of the version, not the go-live.
    const page = await readArticle(set.slug)
    expect(page!.signOff?.approvers.map((a) => a.name)).toEqual(['Dr. Maya Chen'])
  })

  it('is not ready again once a member is saved after its approval: it cannot go live or be scheduled', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    await approveEach(set)
    await editDraft('editor', 'tips', set.tips[0]!, { body: `Do this ${set.next}-edited-after` })
    const view = (await rest('reviewer', 'GET', `/releases/${release}`)).body
    expect(view.ready).toBe(false)
    expect(view.members[0].status).toBe('stale')
    expect(view.summary).toMatch(/3 of 4 approved; 1 saved again/)
    const refused = await rest('reviewer', 'POST', `/releases/${release}/go-live`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/not ready/)
    expect((await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at: inMinutes(10) })).status).toBe(409)
    expect(await readerSides(set)).toEqual(['old', 'old', 'old', 'old'])
    // Submitted and approved again: ready again, and the article was signed with the tip as it is now.
    const versionId = await submit('editor', 'tips', set.tips[0]!)
    await approve('reviewer', 'tips', set.tips[0]!, versionId)
    const again = (await rest('reviewer', 'GET', `/releases/${release}`)).body
    expect(again.members.map((m: { status: string }) => m.status)).toEqual(['approved', 'approved', 'approved', 'changed'])
  })

  it('goes live once when two reviewers press go-live together; the other is told it is already live', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    await approveEach(set)
    const answers = await Promise.all([
      rest('reviewer', 'POST', `/releases/${release}/go-live`),
      rest('reviewer2', 'POST', `/releases/${release}/go-live`),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const refused = answers.find((a) => a.status === 409)!
    // Whether it lost before the lock or under it, the answer is a sentence that says why.
    expect(refused.body.errors[0].message).toMatch(
      /^(Cannot make it live: the release is live\.|The release ".+" cannot go live: it is live, and only a submitted or scheduled release goes live\.)$/,
    )
    // One went-live record per member, not two.
    const wentLive = await sql(`select count(*)::int as n from reviews where decision = 'went_live' and release_id = $1`, [release])
    expect(wentLive.rows[0].n).toBe(4)
  })

  it('refuses the attacks: an editor scheduling or making it live, adding once submitted, approving it as a whole, writing its state', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    expect((await rest('editor', 'POST', `/releases/${release}/schedule`, { at: inMinutes(10) })).status).toBe(403)
    expect((await rest('editor', 'POST', `/releases/${release}/go-live`)).status).toBe(403)
    expect((await rest('admin', 'POST', `/releases/${release}/go-live`)).status).toBe(403)
    // A release is never approved as a whole, and not ready until each member is.
    expect((await rest('reviewer', 'POST', `/releases/${release}/approve`, {})).status).toBe(404)
    const notReady = await rest('reviewer', 'POST', `/releases/${release}/go-live`)
    expect(notReady.status).toBe(409)
    expect(notReady.body.errors[0].message).toMatch(/0 of 4 approved/)
    // Nothing new joins a submitted release: never-approved content cannot ride along.
    const stranger = await publishThroughWorkflow('tips', tipData(unique('stranger')))
    await editDraft('editor', 'tips', stranger, { body: unique('never approved') })
    const added = await rest('editor', 'POST', `/releases/${release}/members`, { collection: 'tips', id: stranger })
    expect(added.status).toBe(409)
    // Payload's own update cannot move it along either.
    await rest('editor', 'PATCH', `/releases/${release}`, { state: 'live', goLiveAt: inMinutes(1), members: [] })
    const row = await sql(`select state::text as state, go_live_at from releases where id = $1`, [release])
    expect(row.rows[0]).toMatchObject({ state: 'submitted', go_live_at: null })
    expect((await rest('reviewer', 'GET', `/releases/${release}`)).body.members).toHaveLength(4)
    // An article in the release is approved only after the tips and warning it goes live with.
    const status = await workflowStatus('articles', set.article)
    const early = await act('reviewer', 'articles', set.article, 'approve', { versionId: status.submission.versionId })
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/in this release is not approved yet/)
    // Readers see nothing of releases.
    expect((await rest('anonymous', 'GET', `/releases/${release}`)).status).toBe(401)
    expect((await rest('anonymous', 'GET', '/releases')).status).toBe(403)
    const graph = await graphqlQuery('anonymous', '{ Releases { docs { name } } }')
    expect(JSON.stringify(graph.body)).not.toContain('Calcium')
  })

  it('adds a document once, never one readers already see in full, and cancelling sends approved members back to review', async () => {
    const set = await liveSetWithDrafts()
    const first = await createRelease()
    const second = await createRelease()
    expect((await rest('editor', 'POST', `/releases/${first}/members`, { collection: 'tips', id: set.tips[0] })).status).toBe(200)
    expect((await rest('editor', 'POST', `/releases/${second}/members`, { collection: 'tips', id: set.tips[0] })).status).toBe(409)
    const unchanged = await publishThroughWorkflow('tips', tipData(unique('unchanged')))
    const nothing = await rest('editor', 'POST', `/releases/${first}/members`, { collection: 'tips', id: unchanged })
    expect(nothing.status).toBe(409)
    expect(nothing.body.errors[0].message).toMatch(/nothing to release/)
    expect((await rest('editor', 'POST', `/releases/${first}/members`, { collection: 'gadgets', id: 1 })).status).toBe(400)
    expect((await rest('editor', 'POST', `/releases/${first}/submit`)).status).toBe(200)
    const status = await workflowStatus('tips', set.tips[0]!)
    await act('reviewer', 'tips', set.tips[0]!, 'approve', { versionId: status.submission.versionId })
    expect((await workflowStatus('tips', set.tips[0]!)).state).toBe('approved')
    const cancelled = await rest('editor', 'POST', `/releases/${first}/cancel`, { comment: 'Guideline postponed' })
    expect(cancelled.body.state).toBe('cancelled')
    const after = await workflowStatus('tips', set.tips[0]!)
    expect(after.state).toBe('in_review')
    expect(after.heldSignOff).toBeNull()
    expect((await readerView('tips', set.tips[0]!)).body.body).toContain(set.old)
    // The document is free again.
    expect((await rest('editor', 'POST', `/releases/${second}/members`, { collection: 'tips', id: set.tips[0] })).status).toBe(200)
  })

  // Payload sets a collection endpoint's `collection` route parameter to its own collection, so
  // the removal never saw the member's (issue 22, item 5): every removal was a 404.
  it('takes a member out again, while open or submitted: an approved one goes back to review', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    const [tip, other] = set.tips as [string, string]
    const status = await workflowStatus('tips', tip)
    await act('reviewer', 'tips', tip, 'approve', { versionId: status.submission.versionId })
    expect((await workflowStatus('tips', tip)).state).toBe('approved')
    const removed = await rest('editor', 'DELETE', `/releases/${release}/members/tips/${tip}`)
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body.members.map((m: { id: string }) => m.id)).not.toContain(tip)
    expect(removed.body.members.map((m: { id: string }) => m.id)).toContain(other)
    expect((await workflowStatus('tips', tip)).state).toBe('in_review')
    // Not (or no longer) a member, or not a document: 404, and nothing changes.
    expect((await rest('editor', 'DELETE', `/releases/${release}/members/tips/${tip}`)).status).toBe(404)
    expect((await rest('editor', 'DELETE', `/releases/${release}/members/gadgets/${other}`)).status).toBe(404)
    expect((await rest('editor', 'DELETE', `/releases/${release}/members/tips/021`)).status).toBe(404)
    expect((await rest('anonymous', 'DELETE', `/releases/${release}/members/tips/${other}`)).status).toBe(401)
    expect((await rest('editor', 'GET', `/releases/${release}`)).body.members.map((m: { id: string }) => m.id)).toContain(other)
  })

  it('goes live at its scheduled time; and when a member changed meanwhile, it does not, and the people concerned are told', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    await approveEach(set)
    const at = inMinutes(30)
    expect((await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at: '2027-04-31T09:00:00Z' })).status).toBe(400)
    const scheduled = await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at })
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200)
    expect(scheduled.body).toMatchObject({ state: 'scheduled', goLiveAt: at })
    await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
    expect(await readerSides(set)).toEqual(['old', 'old', 'old', 'old'])
    const before = Date.now()
    await timeComes('releaseId', release)
    expect(await readerSides(set)).toEqual(['new', 'new', 'new', 'new'])
    const trail = await sql(`select decided_at, comment from reviews where decision = 'went_live' and release_id = $1`, [release])
    expect(trail.rows).toHaveLength(4)
    expect(new Date(trail.rows[0].decided_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(trail.rows[0].comment).toContain(`scheduled for ${at}`)

    const other = await liveSetWithDrafts()
    const blocked = await releaseOf(other)
    await approveEach(other)
    expect((await rest('reviewer', 'POST', `/releases/${blocked}/schedule`, { at: inMinutes(30) })).status).toBe(200)
    // Saved after its approval: unscheduled at once, and told now rather than at the time.
    await editDraft('editor', 'warnings', other.warning, { action: `Act ${other.next} later` })
    const view = (await rest('reviewer', 'GET', `/releases/${blocked}`)).body
    expect(view.state).toBe('submitted')
    expect(view.problem).toMatch(/was cancelled: "Warning .*" was saved again after its approval/)
    await timeComes('releaseId', blocked)
    expect(await readerSides(other)).toEqual(['old', 'old', 'old', 'old'])
    const told = await sql(
      `select n.kind::text as kind, u.email from notifications n join users u on u.id = n.recipient_id where n.kind = 'go_live_cancelled' and n.document_title like $1`,
      [`%${view.name}%`],
    )
    expect(told.rows.map((row) => row.email).sort()).toEqual(['editor@example.com', 'reviewer@example.com'])
  })
})

describe('sign-off rules inside a release', () => {
  it('apply to each member: an emergency warning needs its two reviewers before the release is ready', async () => {
    const id = (await rest('editor', 'POST', '/warnings?draft=true', warningData(unique('two-reviewers'), 'emergency'))).body.doc.id
    const release = await createRelease()
    expect((await rest('editor', 'POST', `/releases/${release}/members`, { collection: 'warnings', id })).status).toBe(200)
    expect((await rest('editor', 'POST', `/releases/${release}/submit`)).status).toBe(200)
    const { submission } = await workflowStatus('warnings', String(id))
    const first = await act('reviewer', 'warnings', String(id), 'approve', { versionId: submission.versionId })
    expect(first.body).toMatchObject({ state: 'in_review' })
    expect((await rest('reviewer', 'GET', `/releases/${release}`)).body).toMatchObject({ ready: false, summary: '0 of 1 approved' })
    const second = await act('reviewer2', 'warnings', String(id), 'approve', { versionId: submission.versionId })
    expect(second.body).toMatchObject({ state: 'approved', held: { releaseId: Number(release) } })
    expect((await rest('reviewer', 'GET', `/releases/${release}`)).body).toMatchObject({ ready: true })
  })
})

describe('a held sign-off at its go-live', () => {
  it('no longer counts once its approver is no longer a reviewer: the release is refused, nothing goes live', async () => {
    const email = `${unique('temporary-reviewer')}@example.org`
    const person = await payload.create({
      collection: 'users',
      data: {
        email,
        password: 'a-long-enough-password',
        displayName: `Dr. ${unique('Temporary')}`,
        roles: ['reviewer'],
        credentials: 'MD',
      },
    })
    const token = await loginToken(email, 'a-long-enough-password')
    const tip = await publishThroughWorkflow('tips', tipData(unique('demoted')))
    const next = unique('DEMOTED-WORDS')
    await editDraft('editor', 'tips', tip, { body: next })
    const release = await createRelease()
    await rest('editor', 'POST', `/releases/${release}/members`, { collection: 'tips', id: tip })
    await rest('editor', 'POST', `/releases/${release}/submit`)
    const { submission } = await workflowStatus('tips', tip)
    expect((await restWithToken(token, 'POST', `/tips/${tip}/approve`, { versionId: submission.versionId })).body.state).toBe('approved')
    await payload.update({ collection: 'users', id: person.id, data: { roles: ['editor'] } })
    const refused = await rest('reviewer', 'POST', `/releases/${release}/go-live`)
    expect(refused.status).toBe(409)
    expect((await readerView('tips', tip)).body.body).not.toContain(next)
  })

  it('is not made live by a job whose schedule was moved after it was due (checked under the lock)', async () => {
    const set = await liveSetWithDrafts()
    const release = await releaseOf(set)
    await approveEach(set)
    const first = inMinutes(30)
    expect((await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at: first })).status).toBe(200)
    expect((await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at: inMinutes(60) })).status).toBe(200)
    // The first job comes due: its time is no longer the release's, so it does nothing and tells nobody.
    await sql(
      `update payload_jobs set wait_until = now() - interval '1 second' where queue = 'schedules' and input->>'releaseId' = $1 and input->>'at' = $2`,
      [release, first],
    )
    await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
    expect(await readerSides(set)).toEqual(['old', 'old', 'old', 'old'])
    expect((await rest('reviewer', 'GET', `/releases/${release}`)).body).toMatchObject({ state: 'scheduled', problem: null })
  })
})

describe('a scheduled release whose shared content changed', () => {
  it('is cancelled at its time when a tip its article shows was approved outside the release', async () => {
    const set = await liveSetWithDrafts()
    const extra = await publishThroughWorkflow('tips', tipData(unique('outside')))
    await editDraft('editor', 'articles', set.article, { tips: [...set.tips.map(Number), Number(extra)] })
    const release = await releaseOf(set)
    await approveEach(set)
    expect((await rest('reviewer', 'POST', `/releases/${release}/schedule`, { at: inMinutes(30) })).status).toBe(200)
    await editDraft('editor', 'tips', extra, { body: unique('outside change') })
    await approve('reviewer2', 'tips', extra, await submit('editor', 'tips', extra))
    await timeComes('releaseId', release)
    expect(await readerSides(set)).toEqual(['old', 'old', 'old', 'old'])
    const view = (await rest('reviewer', 'GET', `/releases/${release}`)).body
    expect(view).toMatchObject({ state: 'submitted', ready: false })
    expect(view.members[3].status).toBe('changed')
    expect(view.problem).toMatch(/changed shared content/)
  })
})

describe('a scheduled go-live of one approved version', () => {
  it('publishes exactly the approved version at its time, even when a newer draft exists, which stays the draft', async () => {
    const tip = await publishThroughWorkflow('tips', tipData(unique('pinned')))
    const approvedText = unique('APPROVED-WORDS')
    const newerText = unique('NEWER-DRAFT')
    await editDraft('editor', 'tips', tip, { body: approvedText })
    const versionId = await submit('editor', 'tips', tip)
    const at = inMinutes(20)
    const answer = await act('reviewer', 'tips', tip, 'approve', { versionId, goLiveAt: at })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body).toMatchObject({ state: 'approved', held: { goLiveAt: at } })
    expect((await readerView('tips', tip)).body.body).not.toContain(approvedText)
    await editDraft('editor', 'tips', tip, { body: newerText })
    await timeComes('id', tip)
    const live = (await readerView('tips', tip)).body
    expect(live.body).toBe(approvedText)
    const status = await workflowStatus('tips', tip)
    expect(status.state).toBe('draft')
    expect(status.heldSignOff).toBeNull()
    const latest = await rest('editor', 'GET', `/tips/${tip}?draft=true&depth=0`)
    expect(latest.body.body).toBe(newerText)
    expect(status.liveVersionId).toBe(versionId)
    expect(status.history[0]).toMatchObject({ decision: 'went_live', versionId })
  })

  it('is chosen only by the reviewer completing the sign-off, with a zone, and can be moved or withdrawn', async () => {
    const tip = await publishThroughWorkflow('tips', tipData(unique('schedule-rules')))
    await editDraft('editor', 'tips', tip, { body: unique('scheduled words') })
    const versionId = await submit('editor', 'tips', tip)
    expect((await act('reviewer', 'tips', tip, 'approve', { versionId, goLiveAt: '2027-01-01T09:00:00' })).status).toBe(400)
    expect((await act('reviewer', 'tips', tip, 'approve', { versionId, goLiveAt: inMinutes(-1) })).status).toBe(400)
    // Times that do not exist are refused, not rolled over to another day (issue 22, item 4).
    const impossible = await act('reviewer', 'tips', tip, 'approve', {
      versionId,
      goLiveAt: `${new Date().getUTCFullYear() + 1}-02-30T09:00:00Z`,
    })
    expect(impossible.status).toBe(400)
    expect(impossible.body.errors[0].message).toMatch(/which is not a date: that month has 28 days/)
    expect((await act('reviewer', 'tips', tip, 'approve', { versionId, goLiveAt: '2027-01-10T24:00:00Z' })).status).toBe(400)
    expect((await act('editor', 'tips', tip, 'schedule-go-live', { at: inMinutes(5) })).status).toBe(403)
    expect((await act('reviewer', 'tips', tip, 'schedule-go-live', { at: inMinutes(5) })).status).toBe(409)
    expect((await act('reviewer', 'tips', tip, 'approve', { versionId, goLiveAt: inMinutes(10) })).status).toBe(200)
    const moved = inMinutes(40)
    expect((await act('reviewer2', 'tips', tip, 'schedule-go-live', { at: '2027-04-31T09:00:00+01:00' })).status).toBe(400)
    expect((await act('reviewer2', 'tips', tip, 'schedule-go-live', { at: moved })).body).toEqual({ goLiveAt: moved })
    // The first time's job finds its schedule moved and does nothing.
    await sql(
      `update payload_jobs set wait_until = now() - interval '1 second' where queue = 'schedules' and input->>'id' = $1 and input->>'at' <> $2`,
      [tip, moved],
    )
    await payload.jobs.run({ queue: 'schedules', limit: 50, silent: true })
    expect((await workflowStatus('tips', tip)).state).toBe('approved')
    // Withdrawn: back to review in a new round, and nothing goes live at the time.
    expect((await act('reviewer', 'tips', tip, 'schedule-go-live', { at: null })).body).toEqual({ goLiveAt: null })
    const status = await workflowStatus('tips', tip)
    expect(status.state).toBe('in_review')
    expect(status.signOff.approvals).toBe(0)
    await timeComes('id', tip)
    expect((await workflowStatus('tips', tip)).state).toBe('in_review')
  })

  it('is chosen only by the approval that completes the sign-off, and never for a document its release times', async () => {
    const at = inMinutes(30)
    // Two reviewers needed (the seeded rule for emergency warnings): the first cannot choose the time.
    const warning = (await rest('editor', 'POST', '/warnings?draft=true', warningData(unique('timed-two'), 'emergency'))).body.doc.id
    const versionId = await submit('editor', 'warnings', String(warning))
    const early = await act('reviewer', 'warnings', String(warning), 'approve', { versionId, goLiveAt: at })
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/does not complete the sign-off/)
    expect((await workflowStatus('warnings', String(warning))).history).toHaveLength(0)
    expect((await act('reviewer', 'warnings', String(warning), 'approve', { versionId })).body.state).toBe('in_review')
    expect((await act('reviewer2', 'warnings', String(warning), 'approve', { versionId, goLiveAt: at })).body).toMatchObject({
      state: 'approved',
      held: { goLiveAt: at },
    })
    // Scheduled alone: no release may take it.
    const release = await createRelease()
    const taken = await rest('editor', 'POST', `/releases/${release}/members`, { collection: 'warnings', id: warning })
    expect(taken.status).toBe(409)
    expect(taken.body.errors[0].message).toMatch(/scheduled to go live on its own/)
    // In a release: the release decides, so no time of its own.
    const tip = await publishThroughWorkflow('tips', tipData(unique('timed-in-release')))
    await editDraft('editor', 'tips', tip, { body: unique('release words') })
    expect((await rest('editor', 'POST', `/releases/${release}/members`, { collection: 'tips', id: tip })).status).toBe(200)
    expect((await rest('editor', 'POST', `/releases/${release}/submit`)).status).toBe(200)
    const { submission } = await workflowStatus('tips', tip)
    const inRelease = await act('reviewer', 'tips', tip, 'approve', { versionId: submission.versionId, goLiveAt: at })
    expect(inRelease.status).toBe(409)
    expect(inRelease.body.errors[0].message).toMatch(/schedule the release instead/)
  })

  it('is cancelled, and the people concerned told, when a tip it shows changed after the approval', async () => {
    const tip = await publishThroughWorkflow('tips', tipData(unique('shown')))
    const article = await publishThroughWorkflow('articles', { ...articleData(unique('pinned-article')), tips: [Number(tip)] })
    await editDraft('editor', 'articles', article, { summary: unique('Scheduled summary') })
    const versionId = await submit('editor', 'articles', article)
    expect((await act('reviewer', 'articles', article, 'approve', { versionId, goLiveAt: inMinutes(15) })).status).toBe(200)
    await editDraft('editor', 'tips', tip, { body: unique('changed tip') })
    await approve('reviewer2', 'tips', tip, await submit('editor', 'tips', tip))
    await timeComes('id', article)
    const status = await workflowStatus('articles', article)
    expect(status.state).toBe('in_review')
    expect(status.heldSignOff).toBeNull()
    const told = await sql(
      `select u.email from notifications n join users u on u.id = n.recipient_id where n.kind = 'go_live_cancelled' and n.document_id = $1`,
      [article],
    )
    expect(told.rows.map((row) => row.email).sort()).toEqual(['editor@example.com', 'reviewer@example.com'])
  })
})

describe('coming changes never leak', () => {
  it('shows readers nothing of an approved, held version: REST, GraphQL, the page, search and the sitemap', async () => {
    const secret = unique('HELD-SECRET')
    const tip = await publishThroughWorkflow('tips', tipData(unique('held-tip')))
    const article = await publishThroughWorkflow('articles', { ...articleData(unique('held-article')), tips: [Number(tip)] })
    const slug = (await readerView('articles', article)).body.slug
    const fresh = await rest('editor', 'POST', '/articles?draft=true', articleData(secret))
    const freshId = String(fresh.body.doc.id)
    await editDraft('editor', 'articles', article, { summary: `Summary ${secret}` })
    await editDraft('editor', 'tips', tip, { body: `Do this ${secret}` })
    const release = await createRelease()
    for (const member of [
      { collection: 'tips', id: tip },
      { collection: 'articles', id: article },
      { collection: 'articles', id: freshId },
    ]) {
      expect((await rest('editor', 'POST', `/releases/${release}/members`, member)).status).toBe(200)
    }
    expect((await rest('editor', 'POST', `/releases/${release}/submit`)).status).toBe(200)
    for (const [collection, id] of [
      ['tips', tip],
      ['articles', article],
      ['articles', freshId],
    ] as const) {
      const status = await workflowStatus(collection, id)
      expect((await act('reviewer', collection, id, 'approve', { versionId: status.submission.versionId })).status).toBe(200)
    }
    const fromReaders = [
      await rest('anonymous', 'GET', `/articles?depth=1&limit=100&where[slug][equals]=${slug}`),
      await rest('anonymous', 'GET', `/articles/${freshId}`),
      await rest('anonymous', 'GET', `/tips/${tip}`),
      await rest('anonymous', 'GET', `/articles?where[summary][like]=${secret}`),
      await graphqlQuery('anonymous', `{ Articles(where: { summary: { like: "${secret}" } }) { docs { title summary tips { body } } } }`),
      await graphqlQuery('anonymous', `{ Tip(id: ${tip}) { body } }`),
    ]
    for (const answer of fromReaders) expect(JSON.stringify(answer.body)).not.toContain(secret)
    expect(JSON.stringify(await readArticle(slug))).not.toContain(secret)
    expect(await runSearch(secret)).toEqual([])
    expect(JSON.stringify(await readSitemapEntries())).not.toContain(secret.toLowerCase())
    expect((await rest('reviewer', 'POST', `/releases/${release}/go-live`)).status).toBe(200)
    expect(JSON.stringify(await readArticle(slug))).toContain(secret)
  })
})
