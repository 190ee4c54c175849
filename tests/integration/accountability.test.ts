// Declarations of interests (kept with history, copied into approvals, shown by the byline and
// on reviewers' public profiles), plain-language checks at approval, and retirement tombstones.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { readArticle } from '@/site/published-content'
import { readReviewerProfile } from '@/site/reviewer-profiles'
import { readTombstone, registerRetiredSlugLookup } from '@/site/tombstones'
import { retiredSlugLookup } from '@/site/tombstones-registry'
import { readSitemapEntries, runSearch } from '@/site/published-content'
import { lexicalFromSections } from '@seed/lexical'
import { articleData, ensureSeeded } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, publishThroughWorkflow, readerView, sql, submit } from '../support/workflow'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const idOf = async (email: string) => (await sql(`select id from users where email = $1`, [email])).rows[0].id as number

describe('declarations of interests', () => {
  it('are made by each person for themselves, kept with history, and never edited or deleted', async () => {
    const reviewer2 = await idOf('reviewer2@example.com')
    const editor = await idOf('editor@example.com')
    expect((await rest('editor', 'POST', '/disclosures', { person: reviewer2, kind: 'none' })).status).toBe(403)
    expect((await rest('anonymous', 'POST', '/disclosures', { kind: 'none' })).status).toBe(403)
    expect((await rest('editor', 'POST', '/disclosures', { kind: 'declared' })).status).toBe(400)
    expect((await rest('editor', 'POST', '/disclosures', { kind: 'none', statement: 'shares' })).status).toBe(400)
    const made = await rest('editor', 'POST', '/disclosures', { kind: 'declared', statement: 'Shares in a maker of pregnancy pillows.' })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.doc.person).toMatchObject({ id: editor })
    expect((await rest('editor', 'PATCH', `/disclosures/${made.body.doc.id}`, { statement: 'nothing' })).status).toBe(403)
    expect((await rest('admin', 'DELETE', `/disclosures/${made.body.doc.id}`)).status).toBe(403)
    // An admin records one for someone who declared it to them.
    expect((await rest('admin', 'POST', '/disclosures', { person: editor, kind: 'none' })).status).toBe(201)
    expect((await rest('anonymous', 'GET', '/disclosures')).status).toBe(403)
    const history = (await sql(`select kind from disclosures where person_id = $1 order by declared_at`, [editor])).rows.map(
      (row) => row.kind,
    )
    expect(history.slice(-2)).toEqual(['declared', 'none'])
  })

  it('are copied into each approval, and shown next to the byline as declared then', async () => {
    const reviewer = await idOf('reviewer@example.com')
    const statement = `Speaker fees from ${unique('Acme Pharma')}`
    expect((await rest('reviewer', 'POST', '/disclosures', { kind: 'declared', statement })).status).toBe(201)
    const editorSays = `Consultancy for ${unique('Belts Ltd')}`
    expect((await rest('editor', 'POST', '/disclosures', { kind: 'declared', statement: editorSays })).status).toBe(201)
    const id = await createDraft('editor', 'articles', articleData(unique('declared')))
    const approved = await act('reviewer', 'articles', id, 'approve', { versionId: await submit('editor', 'articles', id) })
    expect(approved.status).toBe(200)
    const record = (await rest('reviewer', 'GET', `/reviews/${approved.body.reviewId}`)).body
    expect(record.disclosures.approver).toMatchObject({ personId: String(reviewer), text: `Declared interests: ${statement}` })
    expect(record.disclosures.authors).toEqual([
      expect.objectContaining({ name: 'Emma Clarke', text: `Declared interests: ${editorSays}` }),
    ])

    // A later declaration changes the profile, not what this approval recorded.
    expect((await rest('reviewer', 'POST', '/disclosures', { kind: 'none' })).status).toBe(201)
    const slug = (await readerView('articles', id)).body.slug
    const article = await readArticle(slug)
    expect(article!.signOff!.approvers[0]).toMatchObject({
      name: 'Dr. Maya Chen',
      profileSlug: 'dr-maya-chen',
      disclosure: `Declared interests: ${statement}`,
    })
    expect(article!.signOff!.authors).toEqual([{ name: 'Emma Clarke', disclosure: `Declared interests: ${editorSays}` }])
    // Put the demo declarations back as they were.
    await rest('editor', 'POST', '/disclosures', { kind: 'none' })
  })
})

describe("reviewers' public profiles", () => {
  it('show credentials, registration, declarations with history and the live articles they approved; nobody else has one', async () => {
    const title = `Profiled ${unique('article')}`
    const id = await publishThroughWorkflow('articles', { ...articleData(), title })
    const profile = await readReviewerProfile(payload, 'dr-maya-chen')
    expect(profile).toMatchObject({ name: 'Dr. Maya Chen', credentials: 'MD, FACOG', specialties: ['Obstetrics', 'Gynecology'] })
    // A profile edit nobody reviewed does not reach the public profile; the signed record does.
    const me = (await rest('reviewer', 'GET', '/users/me')).body.user
    expect((await rest('reviewer', 'PATCH', `/users/${me.id}`, { credentials: 'MD, Nobel laureate' })).status).toBe(200)
    try {
      expect((await readReviewerProfile(payload, 'dr-maya-chen'))!.credentials).toBe('MD, FACOG')
    } finally {
      await rest('reviewer', 'PATCH', `/users/${me.id}`, { credentials: 'MD, FACOG' })
    }
    expect(profile!.disclosure).toBe('No conflicts of interest declared.')
    expect(profile!.earlierDisclosures.length).toBeGreaterThan(0)
    expect(profile!.approved.map((article) => article.title)).toContain(title)
    // Retired, it is no longer listed.
    expect((await act('reviewer', 'articles', id, 'retire', { comment: 'Out of date.' })).status).toBe(200)
    expect((await readReviewerProfile(payload, 'dr-maya-chen'))!.approved.map((article) => article.title)).not.toContain(title)
    // Editors and admins have no public profile; made-up addresses have none.
    expect(await readReviewerProfile(payload, 'emma-clarke')).toBeNull()
    expect(await readReviewerProfile(payload, 'alex-morgan')).toBeNull()
    expect(await readReviewerProfile(payload, 'nobody-here')).toBeNull()
    // The address comes from the display name, and is not the client's to set.
    const self = (await rest('reviewer', 'GET', '/users/me')).body.user
    expect((await rest('reviewer', 'PATCH', `/users/${self.id}`, { profileSlug: 'someone-else' })).status).toBe(200)
    expect((await sql(`select profile_slug from users where id = $1`, [self.id])).rows[0].profile_slug).toBe('dr-maya-chen')
  })
})

describe('plain language at approval', () => {
  const hardBody = lexicalFromSections([
    {
      paragraphs: [
        'Gestational musculoskeletal discomfort, particularly lumbopelvic symptomatology, frequently necessitates multidisciplinary physiotherapeutic intervention alongside pharmacological analgesia, notwithstanding considerations regarding teratogenicity and contraindicated medications during organogenesis and subsequent developmental stages.',
        'Individuals experiencing persistent or deteriorating symptomatology should consult appropriately qualified healthcare professionals, who can evaluate differential diagnoses including urinary tract infection, pyelonephritis, and preterm labour.',
      ],
    },
  ])

  it('needs a reading age above the target acknowledged, and records it', async () => {
    const id = await createDraft('editor', 'articles', { ...articleData(), body: hardBody })
    const checks = (await rest('reviewer', 'GET', `/articles/${id}/checks`)).body
    expect(checks.plainLanguage.aboveTarget).toBe(true)
    expect(checks.plainLanguage.overall.readingAge).toBeGreaterThan(11)
    const jargon = checks.plainLanguage.fields.find((field: { field: string }) => field.field === 'body').flags
    expect(jargon).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'long_sentence' }),
        expect.objectContaining({ kind: 'jargon', text: 'analgesia' }),
      ]),
    )
    const versionId = await submit('editor', 'articles', id)
    const refused = await act('reviewer', 'articles', id, 'approve', { versionId, readingLevelAcknowledged: null })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/above the target of 11/)
    expect((await act('reviewer', 'articles', id, 'approve', { versionId, readingLevelAcknowledged: 'yes' })).status).toBe(400)
    const approved = await act('reviewer', 'articles', id, 'approve', { versionId, readingLevelAcknowledged: true })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const record = (await rest('reviewer', 'GET', `/reviews/${approved.body.reviewId}`)).body
    expect(record.plainLanguage).toMatchObject({ aboveTarget: true, acknowledged: true, target: 11 })
  })

  it('flags headings out of order and vague links, and blocks approval only where the policy says', async () => {
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'heading',
            tag: 'h4',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [{ type: 'text', text: 'Deep heading', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
          },
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'link',
                version: 3,
                direction: null,
                format: '',
                indent: 0,
                fields: { url: 'https://example.org', linkType: 'custom', newTab: false },
                children: [{ type: 'text', text: 'click here', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
              },
            ],
          },
        ],
      },
    }
    const id = await createDraft('editor', 'articles', { ...articleData(), body })
    const checks = (await rest('reviewer', 'GET', `/articles/${id}/checks`)).body
    expect(checks.plainLanguage.structure.map((issue: { check: string }) => issue.check).sort()).toEqual(['heading_order', 'link_text'])
    expect(checks.plainLanguage.blocking).toEqual([])
    const policy = (await rest('admin', 'GET', '/globals/review-policy')).body
    try {
      expect((await rest('admin', 'POST', '/globals/review-policy', { blockingChecks: ['heading_order'] })).status).toBe(200)
      const versionId = await submit('editor', 'articles', id)
      const refused = await act('reviewer', 'articles', id, 'approve', { versionId })
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].message).toMatch(/jumps from level 1 to level 4/)
    } finally {
      await rest('admin', 'POST', '/globals/review-policy', { blockingChecks: policy.blockingChecks ?? [] })
    }
    const versionId = (await rest('reviewer', 'GET', `/articles/${id}/workflow`)).body.submission.versionId
    expect((await act('reviewer', 'articles', id, 'approve', { versionId })).status).toBe(200)
  })
})

describe('retirement tombstones', () => {
  it('say why and where the current advice is; the article leaves the sitemap, search and the API lists', async () => {
    const replacementId = await publishThroughWorkflow('articles', articleData(unique('replacement')))
    const replacement = (await readerView('articles', replacementId)).body
    const marker = unique('tombstoned')
    const id = await publishThroughWorkflow('articles', articleData(marker))
    const slug = (await readerView('articles', id)).body.slug
    registerRetiredSlugLookup(async () => payload)
    expect(await retiredSlugLookup()!(slug)).toBe(false)

    expect((await act('reviewer', 'articles', id, 'retire', { comment: 'x', replacement: id })).status).toBe(400)
    expect((await act('reviewer', 'articles', id, 'retire', { comment: 'x', replacement: 'abc' })).status).toBe(400)
    const draft = await createDraft('editor', 'articles', articleData())
    expect((await act('reviewer', 'articles', id, 'retire', { comment: 'x', replacement: draft })).status).toBe(400)
    const retired = await act('reviewer', 'articles', id, 'retire', {
      comment: 'Superseded.',
      reason: 'superseded',
      replacement: replacementId,
    })
    expect(retired.status, JSON.stringify(retired.body)).toBe(200)

    expect(await readTombstone(payload, slug)).toMatchObject({
      slug,
      reason: 'It was replaced by newer advice.',
      replacement: { slug: replacement.slug, title: replacement.title },
    })
    // Within the lookup's refresh (two seconds), the proxy answers 410 for it.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect(await retiredSlugLookup()!(slug)).toBe(true)
    expect(await readTombstone(payload, replacement.slug)).toBeNull()

    expect((await readSitemapEntries()).some((entry) => entry.slug === slug)).toBe(false)
    expect((await runSearch(marker)).some((hit) => hit.slug === slug)).toBe(false)
    expect((await readerView('articles', id)).status).toBe(404)
    const list = (await rest('anonymous', 'GET', `/articles?where[slug][equals]=${slug}`)).body
    expect(list.totalDocs).toBe(0)
    const staffTrail = (await rest('reviewer', 'GET', `/reviews/${retired.body.reviewId}`)).body
    expect(staffTrail).toMatchObject({ decision: 'retired', replacement: expect.anything() })

    // A new draft of the retired article (on its way back) keeps the tombstone until it is approved.
    await rest('editor', 'PATCH', `/articles/${id}?draft=true`, { summary: unique('Rewritten') })
    expect(await retiredSlugLookup()!(slug)).toBe(true)
    expect((await readTombstone(payload, slug))?.reason).toBe('It was replaced by newer advice.')
    const back = await act('reviewer', 'articles', id, 'approve', { versionId: await submit('editor', 'articles', id) })
    expect(back.status, JSON.stringify(back.body)).toBe(200)
    expect(await retiredSlugLookup()!(slug)).toBe(false)
    expect(await readTombstone(payload, slug)).toBeNull()
  })

  it("says why in the site's own words: a reviewer picks a reason, and cannot type one", async () => {
    const id = await publishThroughWorkflow('articles', articleData(unique('typed reason')))
    for (const reason of ['Call 0800 for a cure', 5, { text: 'x' }]) {
      expect((await act('reviewer', 'articles', id, 'retire', { comment: 'x', reason })).status, JSON.stringify(reason)).toBe(400)
    }
    expect((await readerView('articles', id)).status).toBe(200)
  })
})
