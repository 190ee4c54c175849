// Structured evidence: a sources library cited by articles; each citation is a signed copy of
// its source, so editing a source never changes what readers see until the article is reviewed
// again; every approval of an article confirms the evidence was checked and records the sources
// as of that version; old sources and broken links are flagged (links checked in the background,
// here only against a local HTTP server this test starts).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readArticle } from '@/site/published-content'
import { medicalWebPage } from '@/site/structured-data'
import { runLinkChecks } from '@/evidence/link-checks'
import { checkLink } from '@/evidence/link-check'
import { verifyPublished } from '@/review/views/verification'
import { articleData, ensureSeeded } from '../support/content'
import { graphqlQuery, rest, testPayload, unique } from '../support/payload'
import { act, createDraft, editDraft, readerView, submit } from '../support/workflow'

let payload: Payload
let server: Server
let base = ''

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  server = createServer((req, res) => {
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end()
    if (req.url === '/no-head' && req.method === 'HEAD') return res.writeHead(405).end()
    res.writeHead(req.url === '/ok' || req.url === '/no-head' ? 200 : 404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  delete process.env.LINK_CHECK_ALLOW_PRIVATE
  await new Promise((resolve) => server.close(resolve))
})

async function createSource(data: Record<string, unknown>) {
  const response = await rest('editor', 'POST', '/sources', { type: 'guideline', ...data })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as { id: number; title: string }
}

const approveArticle = async (id: string, body: Record<string, unknown> = {}) =>
  act('reviewer', 'articles', id, 'approve', { versionId: await submit('editor', 'articles', id), ...body })

describe('the sources library', () => {
  it('is staff only, and refuses a malformed DOI, PMID or address with 400', async () => {
    expect((await rest('anonymous', 'GET', '/sources')).status).toBe(403)
    expect((await rest('anonymous', 'POST', '/sources', { title: 'x', type: 'trial' })).status).toBe(403)
    for (const bad of [{ doi: 'https://doi.org/10.1/x' }, { pmid: '12ab' }, { url: 'javascript:alert(1)' }, { type: 'blog' }]) {
      const response = await rest('editor', 'POST', '/sources', { title: unique('bad source'), type: 'trial', ...bad })
      expect(response.status, JSON.stringify(bad)).toBe(400)
    }
    const noType = await rest('editor', 'POST', '/sources', { title: unique('untyped') })
    expect(noType.status).toBe(400)
    expect(JSON.stringify(noType.body)).toContain('type of source')
    // Nobody deletes evidence an approval may have recorded.
    const source = await createSource({ title: unique('kept') })
    expect((await rest('admin', 'DELETE', `/sources/${source.id}`)).status).toBe(403)
  })
})

describe('citations', () => {
  it('copy their source when saved; a later change to the source reaches readers only through a new review', async () => {
    const source = await createSource({
      title: unique('NICE guideline'),
      authors: 'NICE',
      publisher: 'NICE',
      year: 2024,
      url: 'https://example.org/ng1',
      doi: '10.1000/ng1',
    })
    const id = await createDraft('editor', 'articles', { ...articleData(), references: [{ source: source.id, section: 'What to do' }] })
    const draft = (await rest('editor', 'GET', `/articles/${id}?draft=true&depth=0`)).body
    expect(draft.references[0]).toMatchObject({
      title: source.title,
      authors: 'NICE',
      year: 2024,
      doi: '10.1000/ng1',
      type: 'guideline',
      section: 'What to do',
    })
    expect((await approveArticle(id)).status).toBe(200)

    // The library entry is corrected: the live article still says what was signed, and still verifies.
    expect((await rest('editor', 'PATCH', `/sources/${source.id}`, { title: `${source.title} (2025 update)`, year: 2025 })).status).toBe(
      200,
    )
    const live = await readerView('articles', id)
    expect(live.body.references[0].title).toBe(source.title)
    const req = await createLocalReq({}, payload)
    expect((await verifyPublished(req, 'articles', id)).verified).toBe(true)

    // Saving the article takes the new copy, which is a change to review.
    await editDraft('editor', 'articles', id, { summary: unique('Same summary, new evidence') })
    const next = (await rest('editor', 'GET', `/articles/${id}?draft=true&depth=0`)).body
    expect(next.references[0].title).toBe(`${source.title} (2025 update)`)
    expect((await readerView('articles', id)).body.references[0].title).toBe(source.title)
    const changes = (await rest('reviewer', 'GET', `/articles/${id}/workflow`)).body.changes
    expect(JSON.stringify(changes)).toContain('2025 update')
    expect((await approveArticle(id)).status).toBe(200)
    expect((await readerView('articles', id)).body.references[0].title).toBe(`${source.title} (2025 update)`)
  })

  it('make whoever wrote a copied source an author of the version (four eyes), and "Discard draft" brings back the approved copy', async () => {
    const source = await createSource({ title: unique('Shared guideline'), year: 2024 })
    const id = await createDraft('editor', 'articles', { ...articleData(), references: [{ source: source.id }] })
    expect((await approveArticle(id)).status).toBe(200)
    // A reviewer changes the source's details; an editor's routine save copies them in.
    const changed = `${source.title} (rewritten by a reviewer)`
    expect((await rest('reviewer', 'PATCH', `/sources/${source.id}`, { title: changed })).status).toBe(200)
    expect((await rest('editor', 'GET', `/sources/${source.id}?depth=0`)).body.editors).toHaveLength(2)
    // Nobody wipes that record by hand.
    await rest('reviewer', 'PATCH', `/sources/${source.id}`, { editors: [] })
    expect((await rest('editor', 'GET', `/sources/${source.id}?depth=0`)).body.editors).toHaveLength(2)
    await editDraft('editor', 'articles', id, { summary: unique('Routine edit') })
    const versionId = await submit('editor', 'articles', id)
    // That reviewer wrote words in this version, so another must approve it.
    const own = await act('reviewer', 'articles', id, 'approve', { versionId })
    expect(own.status, JSON.stringify(own.body)).toBe(403)
    // "Discard draft" goes back to the citation as approved, not to a fresh copy of the source.
    const discarded = await rest('editor', 'POST', `/articles/${id}/discard-draft`)
    expect(discarded.body.discarded).toBe(true)
    expect((await rest('editor', 'GET', `/articles/${id}?draft=true&depth=0`)).body.references[0].title).toBe(source.title)
    // Saved again, it takes the new copy, and a reviewer who wrote none of it approves.
    await editDraft('editor', 'articles', id, { summary: unique('Another edit'), references: [{ source: source.id }] })
    expect((await rest('editor', 'GET', `/articles/${id}?draft=true&depth=0`)).body.references[0].title).toBe(changed)
    expect((await act('reviewer', 'articles', id, 'approve', { versionId: await submit('editor', 'articles', id) })).status).toBe(403)
    const versionNow = (await rest('reviewer2', 'GET', `/articles/${id}/workflow`)).body.submission.versionId
    expect((await act('reviewer2', 'articles', id, 'approve', { versionId: versionNow })).status).toBe(200)
    expect((await readerView('articles', id)).body.references[0].title).toBe(changed)
  })

  it('are numbered references on the page and `citation` in its JSON-LD', async () => {
    const guideline = await createSource({ title: unique('Guideline'), publisher: 'NICE', year: 2024, url: 'https://example.org/g' })
    const trial = await createSource({ title: unique('Trial'), type: 'trial', authors: 'Smith J', year: 2022, pmid: '12345678' })
    const marker = unique('cited')
    const id = await createDraft('editor', 'articles', {
      ...articleData(marker),
      references: [{ source: guideline.id }, { source: trial.id }],
    })
    expect((await approveArticle(id)).status).toBe(200)
    const slug = (await readerView('articles', id)).body.slug
    const article = await readArticle(slug)
    expect(article!.references!.map((ref) => ref.title)).toEqual([guideline.title, trial.title])
    const jsonLd = medicalWebPage(article!, 'https://example.org/a') as { citation?: Record<string, unknown>[] }
    expect(jsonLd.citation).toEqual([
      expect.objectContaining({
        '@type': 'CreativeWork',
        name: guideline.title,
        publisher: 'NICE',
        datePublished: '2024',
        url: 'https://example.org/g',
      }),
      expect.objectContaining({
        '@type': 'ScholarlyArticle',
        name: trial.title,
        author: 'Smith J',
        url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
        identifier: ['pmid:12345678'],
      }),
    ])
  })

  it('refuses a citation of a source that does not exist', async () => {
    const response = await rest('editor', 'POST', '/articles?draft=true', { ...articleData(), references: [{ source: 999_999 }] })
    expect(response.status).toBe(400)
  })
})

describe('approving an article', () => {
  it('needs the reviewer to confirm the evidence was checked, and records it with the sources as of that version', async () => {
    const old = await createSource({ title: unique('Old guideline'), year: 2012 })
    const id = await createDraft('editor', 'articles', { ...articleData(), references: [{ source: old.id, section: 'Treatment' }] })
    const versionId = await submit('editor', 'articles', id)
    for (const evidenceChecked of [undefined, false, 'yes']) {
      const refused = await act('reviewer', 'articles', id, 'approve', { versionId, evidenceChecked })
      expect(refused.status, String(evidenceChecked)).toBe(400)
    }
    expect((await act('reviewer', 'articles', id, 'approve', { versionId, evidenceChecked: null })).status).toBe(400)
    expect((await readerView('articles', id)).status).not.toBe(200)

    const approved = await act('reviewer', 'articles', id, 'approve', { versionId, evidenceChecked: true })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const record = (await rest('reviewer', 'GET', `/reviews/${approved.body.reviewId}`)).body
    expect(record.evidence).toMatchObject({ checked: true, flagged: 1 })
    expect(record.evidence.sources).toEqual([
      expect.objectContaining({
        position: 1,
        title: old.title,
        year: 2012,
        section: 'Treatment',
        flags: [expect.objectContaining({ kind: 'old' })],
      }),
    ])
    // The record keeps that list even after the library entry changes.
    await rest('editor', 'PATCH', `/sources/${old.id}`, { title: 'Renamed' })
    expect((await rest('reviewer', 'GET', `/reviews/${approved.body.reviewId}`)).body.evidence.sources[0].title).toBe(old.title)
  })

  it('tips and warnings need no evidence confirmation', async () => {
    const id = await createDraft('editor', 'tips', { title: unique('Tip'), body: 'Rest.', category: 'rest', stage: 'any' })
    const response = await act('reviewer', 'tips', id, 'approve', { versionId: await submit('editor', 'tips', id) })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  })
})

describe('link checks', () => {
  it('refuse private addresses unless allowed (an editor cannot make the server probe its network)', async () => {
    delete process.env.LINK_CHECK_ALLOW_PRIVATE
    expect(await checkLink(`${base}/ok`)).toEqual({ status: 'broken', problem: 'the address is on a private network' })
    expect(await checkLink('http://[::1]:1/')).toMatchObject({ status: 'broken', problem: 'the address is on a private network' })
    // Loopback behind SIIT and local-use NAT64 spellings: refused before any connection.
    for (const address of ['[::ffff:0:7f00:1]', '[64:ff9b:1::7f00:1]']) {
      expect(await checkLink(`http://${address}:1/`), address).toMatchObject({
        status: 'broken',
        problem: 'the address is on a private network',
      })
    }
  })

  it('mark live, moved and broken links, and the review panel flags a cited broken one', async () => {
    process.env.LINK_CHECK_ALLOW_PRIVATE = '1'
    const ok = await createSource({ title: unique('Answers'), url: `${base}/ok` })
    const moved = await createSource({ title: unique('Moved'), url: `${base}/moved` })
    const noHead = await createSource({ title: unique('GET only'), url: `${base}/no-head` })
    const gone = await createSource({ title: unique('Gone'), url: `${base}/gone` })
    const result = await runLinkChecks(await createLocalReq({}, payload), [ok.id, moved.id, noHead.id, gone.id])
    expect(result).toEqual({ checked: 4, broken: 1 })
    const status = async (sourceId: number) => (await rest('editor', 'GET', `/sources/${sourceId}`)).body
    expect((await status(ok.id)).linkStatus).toBe('ok')
    expect((await status(moved.id)).linkStatus).toBe('ok')
    expect((await status(noHead.id)).linkStatus).toBe('ok')
    expect(await status(gone.id)).toMatchObject({ linkStatus: 'broken', linkProblem: 'answered HTTP 404' })
    // Nobody sets a link's status by hand.
    await rest('editor', 'PATCH', `/sources/${gone.id}`, { linkStatus: 'ok' })
    expect((await status(gone.id)).linkStatus).toBe('broken')

    const id = await createDraft('editor', 'articles', { ...articleData(), references: [{ source: ok.id }, { source: gone.id }] })
    const checks = (await rest('reviewer', 'GET', `/articles/${id}/checks`)).body
    expect(checks.evidence.map((source: { flags: { kind: string }[] }) => source.flags.map((flag) => flag.kind))).toEqual([
      [],
      ['broken_link'],
    ])
    expect((await rest('anonymous', 'GET', `/articles/${id}/checks`)).status).toBe(401)
  })

  it('queues a check when an address is added or changed, never on the approval path', async () => {
    const source = await createSource({ title: unique('Queued'), url: 'https://example.org/queued' })
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'checkSourceLinks' } },
      sort: '-createdAt',
      limit: 5,
      depth: 0,
    })
    expect(jobs.docs.some((job) => JSON.stringify(job.input).includes(String(source.id)))).toBe(true)
  })
})

describe('readers', () => {
  it('never see a pending draft’s new citation, nor the library, feedback or declarations, by REST or GraphQL', async () => {
    const secret = unique('SECRET-SOURCE')
    const id = await createDraft('editor', 'articles', articleData())
    expect((await approveArticle(id)).status).toBe(200)
    const source = await createSource({ title: secret, url: 'https://example.org/secret' })
    await editDraft('editor', 'articles', id, { references: [{ source: source.id }] })
    const slug = (await readerView('articles', id)).body.slug
    const answers = [
      await readerView('articles', id),
      await rest('anonymous', 'GET', `/articles?where[slug][equals]=${slug}&depth=2`),
      await rest('anonymous', 'GET', `/articles/${id}?draft=true&depth=2`),
      await graphqlQuery(
        'anonymous',
        `{ Articles(where: { slug: { equals: "${slug}" } }, draft: true) { docs { references { title source { title } } } } }`,
      ),
      { status: 0, body: await readArticle(slug) },
    ]
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(secret)
    for (const collection of ['Sources', 'Feedbacks', 'Disclosures']) {
      const { body } = await graphqlQuery('anonymous', `{ ${collection} { docs { id } } }`)
      expect(body.errors?.[0]?.message ?? '', collection).toMatch(/not allowed/i)
      expect(body.data?.[collection]?.docs ?? null).toBeNull()
    }
    for (const path of ['/sources', '/feedback', '/disclosures']) expect((await rest('anonymous', 'GET', path)).status, path).toBe(403)
  })
})
