// What changed, in public: every approval that makes a version live carries a kind and a public
// note; a correction must have one, and is announced on the page for 30 days; /updates lists the
// changes site-wide. Only what was made live is ever shown.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { readArticle } from '@/site/published-content'
import { readRecentUpdates } from '@/site/public-changes'
import { medicalWebPage } from '@/site/structured-data'
import { correctionNotice } from '@/workflow/change-log'
import { articleData, ensureSeeded } from '../support/content'
import { rest, testPayload, unique } from '../support/payload'
import { act, createDraft, editDraft, readerView, submit, workflowStatus } from '../support/workflow'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

async function approveWith(id: string, body: Record<string, unknown>, person: 'reviewer' | 'reviewer2' = 'reviewer') {
  const versionId = await submit('editor', 'articles', id)
  return act(person, 'articles', id, 'approve', { versionId, ...body })
}

describe('the public change log', () => {
  it('records a new article, a full review, a minor update and a correction, newest first, with their notes', async () => {
    const id = await createDraft('editor', 'articles', articleData(unique('logged')))
    expect((await approveWith(id, { changeNote: 'First published.' })).status).toBe(200)
    const slug = (await readerView('articles', id)).body.slug as string
    await editDraft('editor', 'articles', id, { summary: unique('Reviewed summary') })
    expect((await approveWith(id, { changeNote: 'Checked against the 2026 guideline.' })).status).toBe(200)
    await editDraft('editor', 'articles', id, { summary: unique('Typo fixed') })
    expect((await approveWith(id, { reviewKind: 'minor' })).status).toBe(200)
    await editDraft('editor', 'articles', id, { summary: unique('Dose corrected') })
    const fixed = await approveWith(id, { reviewKind: 'minor', correction: true, changeNote: 'The dose said 6000 mg; it is 600 mg a day.' })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)

    const page = await readArticle(slug)
    expect(page!.changes.map((change) => [change.kind, change.note])).toEqual([
      ['correction', 'The dose said 6000 mg; it is 600 mg a day.'],
      ['minor_update', null],
      ['full_review', 'Checked against the 2026 guideline.'],
      ['new', 'First published.'],
    ])
    // Announced for 30 days, then only in the log.
    expect(correctionNotice(page!.changes, new Date())?.note).toContain('600 mg')
    expect(correctionNotice(page!.changes, new Date(Date.now() + 31 * 86_400_000))).toBeNull()
    const jsonLd = medicalWebPage(page!, 'https://example.org/a')
    expect(jsonLd).toMatchObject({ correction: { '@type': 'CorrectionComment', text: 'The dose said 6000 mg; it is 600 mg a day.' } })
    // lastReviewed stays the full review's; dateModified is the correction's.
    expect(jsonLd.lastReviewed).toBe(page!.changes[2]!.at.slice(0, 10))
    expect(jsonLd.dateModified).toBe(page!.changes[0]!.at)

    const updates = await readRecentUpdates(payload)
    const mine = updates.filter((update) => update.slug === slug)
    expect(mine.map((update) => update.kind)).toEqual(['correction', 'minor_update', 'full_review', 'new'])
  })

  it('refuses a correction without a note, of content readers never saw, and a note that is not text or too long', async () => {
    const live = await createDraft('editor', 'articles', articleData(unique('refused-notes')))
    expect((await approveWith(live, {})).status).toBe(200)
    await editDraft('editor', 'articles', live, { summary: unique('Another summary') })
    const versionId = await submit('editor', 'articles', live)
    const refuse = (body: Record<string, unknown>) => act('reviewer', 'articles', live, 'approve', { versionId, ...body })
    const noNote = await refuse({ correction: true })
    expect(noNote.status).toBe(400)
    expect(noNote.body.errors[0].message).toMatch(/what was wrong and what changed/)
    expect((await refuse({ correction: true, changeNote: '   ' })).status).toBe(400)
    expect((await refuse({ changeNote: 'x'.repeat(1001) })).status).toBe(400)
    expect((await refuse({ changeNote: 42 })).status).toBe(400)
    expect((await refuse({ correction: 'yes', changeNote: 'x' })).status).toBe(400)
    // Nothing was recorded by the refusals.
    expect((await workflowStatus('articles', live)).state).toBe('in_review')
    const fresh = await createDraft('editor', 'articles', articleData(unique('never-live')))
    expect((await approveWith(fresh, { correction: true, changeNote: 'Nothing to correct yet.' })).status).toBe(409)
  })

  it('never shows the note of a version that is not live: held in a release, or still in review', async () => {
    const secret = unique('UNPUBLISHED-NOTE')
    const id = await createDraft('editor', 'articles', articleData(unique('held-note')))
    expect((await approveWith(id, {})).status).toBe(200)
    const slug = (await readerView('articles', id)).body.slug as string
    await editDraft('editor', 'articles', id, { summary: unique('Held summary') })
    const versionId = await submit('editor', 'articles', id)
    const at = new Date(Date.now() + 3_600_000).toISOString()
    expect((await act('reviewer', 'articles', id, 'approve', { versionId, changeNote: secret, goLiveAt: at })).status).toBe(200)
    expect(JSON.stringify(await readArticle(slug))).not.toContain(secret)
    expect(JSON.stringify(await readRecentUpdates(payload))).not.toContain(secret)
    expect(JSON.stringify((await rest('anonymous', 'GET', `/articles/${id}?depth=1`)).body)).not.toContain(secret)
    expect((await rest('anonymous', 'GET', '/reviews')).status).toBe(403)
    // Withdrawn: the note stays in the staff trail only.
    expect((await act('reviewer', 'articles', id, 'schedule-go-live', { at: null })).status).toBe(200)
  })
})
