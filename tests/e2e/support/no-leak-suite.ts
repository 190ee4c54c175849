// The no-leak suite (tests/e2e/no-leaks.spec.ts, and across instances in multi-instance.spec.ts).
// Never a leak: unique markers planted in every non-public state must not reach an
// anonymous client through any route. Then one is approved, and exactly it appears.
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test'
import { Api, article, unique } from './api'

async function anonymous(baseURL: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL })
}

type Seen = Map<string, { status: number; body: string }>

/** Every public page reachable from the home page, plus the given extras. */
async function crawl(client: APIRequestContext, extra: string[]): Promise<Seen> {
  const seen: Seen = new Map()
  const queue = ['/', ...extra]
  while (queue.length > 0 && seen.size < 300) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    const response = await client.get(path)
    const body = await response.text()
    seen.set(path, { status: response.status(), body })
    for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
      if (!href!.startsWith('/_next') && !href!.startsWith('/admin') && !href!.startsWith('/api') && !seen.has(href!)) queue.push(href!)
    }
  }
  return seen
}

function apiPaths(ids: Record<string, string>): string[] {
  const paths = [
    '/api/review-queue',
    '/api/reviews',
    '/api/revisions',
    '/api/workflow',
    '/api/users',
    '/api/releases',
    '/api/releases?depth=2',
    '/api/sources',
    '/api/sources?depth=2',
    '/api/feedback',
    '/api/feedback?depth=2',
    '/api/disclosures',
  ]
  for (const collection of ['articles', 'tips', 'warnings']) {
    for (const query of ['', '?draft=true', '?draft=true&limit=100&depth=2&sort=-updatedAt']) {
      paths.push(`/api/${collection}${query}`, `/api/${collection}/versions${query}`)
    }
  }
  for (const [key, id] of Object.entries(ids)) {
    if (key === 'release') {
      paths.push(`/api/releases/${id}`, `/api/releases/${id}?depth=1`)
      continue
    }
    if (key === 'source') {
      paths.push(`/api/sources/${id}`, `/api/articles?where[references.source][equals]=${id}&draft=true&depth=2`)
      continue
    }
    const collection = key === 'draftTip' ? 'tips' : key === 'draftWarning' ? 'warnings' : 'articles'
    for (const query of ['', '?draft=true', '?depth=2&draft=true']) paths.push(`/api/${collection}/${id}${query}`)
    paths.push(`/api/${collection}/${id}/workflow`)
  }
  return paths
}

const GRAPHQL = [
  '{ Articles(draft: true, limit: 10, sort: "-updatedAt") { docs { title summary tips { title body } warnings { title symptoms } } } }',
  '{ Tips(draft: true, limit: 100, sort: "-updatedAt") { docs { title body } } }',
  '{ Warnings(draft: true, limit: 100, sort: "-updatedAt") { docs { title symptoms action } } }',
  '{ versionsArticles(limit: 100, sort: "-updatedAt") { docs { version { title summary } } } }',
  '{ versionsTips(limit: 100, sort: "-updatedAt") { docs { version { title body } } } }',
  '{ versionsWarnings(limit: 100, sort: "-updatedAt") { docs { version { title symptoms } } } }',
  '{ Reviews { docs { documentTitle comment } } }',
  '{ Releases { docs { name members { documentTitle } } } }',
  '{ Sources { docs { title } } }',
  '{ Feedbacks { docs { comment } } }',
  '{ Articles(draft: true, limit: 10, sort: "-updatedAt") { docs { references { title source { title } } } } }',
]

type Markers = Record<string, string> & { neverPublished: string; retired: string }

async function everything(baseURL: string | undefined, markers: Markers, ids: Record<string, string>): Promise<Seen> {
  const client = await anonymous(baseURL)
  const extra = [
    '/sitemap.xml',
    '/robots.txt',
    '/updates',
    '/updates.xml',
    ...Object.values(markers).map((m) => `/search?q=${m}`),
    ...Object.values(markers).map((m) => `/articles/${m.toLowerCase()}`),
    `/articles/${markers.neverPublished.toLowerCase()}?preview=true&draft=true`,
    `/preview?slug=${markers.neverPublished.toLowerCase()}`,
    `/preview?slug=${markers.retired.toLowerCase()}`,
    ...Object.values(markers).map((m) => `/preview/articles/${m.toLowerCase()}`),
  ]
  const responses = await crawl(client, extra)
  for (const path of apiPaths(ids)) {
    const response = await client.get(path)
    responses.set(path, { status: response.status(), body: await response.text() })
  }
  for (const query of GRAPHQL) {
    const response = await client.post('/api/graphql', { data: { query } })
    responses.set(`graphql ${query}`, { status: response.status(), body: await response.text() })
  }
  await client.dispose()
  return responses
}

/**
 * Probes that name the marker themselves (a search for it, its would-be address)
 * echo it back; for those the test checks what they answer instead: no search
 * result, and a 404.
 */
function isEchoOf(path: string, marker: string) {
  return (
    path === `/search?q=${marker}` ||
    path.startsWith(`/articles/${marker.toLowerCase()}`) ||
    path.startsWith(`/preview/articles/${marker.toLowerCase()}`)
  )
}

const found = (responses: Seen, marker: string) =>
  [...responses.entries()]
    .filter(([path, { body }]) => !isEchoOf(path, marker) && body.toUpperCase().includes(marker))
    .map(([path]) => path)

/** A retired article's address answers 410 with its tombstone (what readers were shown, and why it went). */
function expectNothingFor(responses: Seen, marker: string, { retired = false } = {}) {
  expect(found(responses, marker), marker).toEqual([])
  expect(responses.get(`/search?q=${marker}`)?.body, marker).toContain('No results for')
  expect(responses.get(`/articles/${marker.toLowerCase()}`)?.status, marker).toBe(retired ? 410 : 404)
}

export type NoLeakTargets = (fixtures: { request: APIRequestContext; baseURL: string | undefined }) => {
  /** Where editors and reviewers act. */
  actions: APIRequestContext
  /** The site readers ask. */
  readers: string | undefined
}

/** Defines the suite's tests in the calling file (serial: they share what beforeAll planted). */
export function defineNoLeakTests(targets: NoLeakTargets, label = ''): void {
  const markers = {
    pendingEdit: unique('LEAKPENDING'),
    neverPublished: unique('LEAKNEVER'),
    draftTip: unique('LEAKTIP'),
    draftWarning: unique('LEAKWARNING'),
    changesRequested: unique('LEAKCHANGES'),
    retired: unique('LEAKRETIRED'),
    // Approved, and waiting: in a scheduled release, and alone with a go-live time.
    inRelease: unique('LEAKRELEASE'),
    scheduledAlone: unique('LEAKSCHEDULED'),
    // What is not public about live content: a pending draft's new citation, a held approval's
    // public note, and what readers sent as feedback.
    draftSource: unique('LEAKSOURCE'),
    heldNote: unique('LEAKNOTE'),
    feedback: unique('LEAKFEEDBACK'),
  }
  const ids: Record<string, string> = {}
  let changesArticle = ''

  test.beforeAll(async ({ request, baseURL }) => {
    const api = new Api(targets({ request, baseURL }).actions)
    const host = unique('leakhost')
    const published = await api.publish('articles', article(host))
    const source = (
      await api.call('editor', 'POST', '/sources', {
        title: `Source ${markers.draftSource}`,
        type: 'guideline',
        url: `https://example.org/${markers.draftSource}`,
      })
    ).doc
    ids.source = String(source.id)
    ids.draftTip = await api.draft('tips', { title: `Tip ${markers.draftTip}`, body: markers.draftTip, category: 'rest', stage: 'any' })
    ids.draftWarning = await api.draft('warnings', {
      title: `Warning ${markers.draftWarning}`,
      severity: 'emergency',
      symptoms: markers.draftWarning,
      action: markers.draftWarning,
    })
    await api.edit('articles', published, {
      summary: `Pending ${markers.pendingEdit}`,
      topic: `Topic ${markers.pendingEdit}`,
      tips: [Number(ids.draftTip)],
      warnings: [Number(ids.draftWarning)],
      references: [{ source: source.id }],
    })
    const sent = await targets({ request, baseURL }).actions.post('/api/feedback/send', {
      data: { article: host.toLowerCase(), helpful: false, problem: 'wrong', comment: `Feedback ${markers.feedback}`, secondsOnForm: 10 },
    })
    expect(sent.status()).toBe(201)
    ids.pendingEdit = published
    ids.neverPublished = await api.draft('articles', article(markers.neverPublished, { topic: markers.neverPublished }))

    changesArticle = await api.publish('articles', article(unique('leakchangeshost')))
    await api.edit('articles', changesArticle, { summary: `Changes ${markers.changesRequested}` })
    await api.requestChanges('articles', changesArticle, await api.submit('articles', changesArticle), 'Not yet.')
    ids.changesRequested = changesArticle

    ids.retired = await api.publish('articles', article(markers.retired, { topic: markers.retired }))
    await api.retire('articles', ids.retired, 'Withdrawn.')

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
    ids.inRelease = await api.draft('articles', article(markers.inRelease, { topic: markers.inRelease }))
    const release = (await api.call('editor', 'POST', '/releases', { name: `Release ${markers.inRelease}` })).doc.id
    ids.release = String(release)
    await api.call('editor', 'POST', `/releases/${release}/members`, { collection: 'articles', id: ids.inRelease })
    await api.call('editor', 'POST', `/releases/${release}/submit`, {})
    const held = await api.call('reviewer', 'GET', `/articles/${ids.inRelease}/workflow`)
    await api.call('reviewer', 'POST', `/articles/${ids.inRelease}/approve`, {
      versionId: held.submission.versionId,
      evidenceChecked: true,
      readingLevelAcknowledged: true,
      changeNote: `Held ${markers.heldNote}`,
    })
    await api.call('reviewer', 'POST', `/releases/${release}/schedule`, { at: tomorrow })
    ids.scheduledAlone = await api.draft('articles', article(markers.scheduledAlone, { topic: markers.scheduledAlone }))
    const versionId = await api.submit('articles', ids.scheduledAlone)
    await api.call('reviewer', 'POST', `/articles/${ids.scheduledAlone}/approve`, {
      versionId,
      goLiveAt: tomorrow,
      evidenceChecked: true,
      readingLevelAcknowledged: true,
    })
  })

  test(`no planted marker reaches an anonymous client, on any route${label}`, async ({ request, baseURL }) => {
    const responses = await everything(targets({ request, baseURL }).readers, markers, ids)
    expect(responses.size).toBeGreaterThan(40)
    for (const [name, marker] of Object.entries(markers)) expectNothingFor(responses, marker, { retired: name === 'retired' })
  })

  test(`after one approval, exactly that marker appears${label}`, async ({ baseURL, request }) => {
    const { actions, readers } = targets({ request, baseURL })
    const api = new Api(actions)
    await api.edit('articles', changesArticle, { summary: `Changes ${markers.changesRequested}` })
    await api.approve('articles', changesArticle, await api.submit('articles', changesArticle), 'reviewer2')
    const responses = await everything(readers, markers, ids)
    expect(found(responses, markers.changesRequested).length).toBeGreaterThan(0)
    for (const [name, marker] of Object.entries(markers)) {
      if (name !== 'changesRequested') expectNothingFor(responses, marker, { retired: name === 'retired' })
    }
  })
}
