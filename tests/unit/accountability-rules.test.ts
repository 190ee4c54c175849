// The pure rules of evidence, plain language, content structure, disclosures and feedback.
import { describe, expect, it } from 'vitest'
import { citationLink, decideEvidenceConfirmation, doiProblem, pmidProblem, sourceFlags, urlProblem } from '@/workflow/evidence'
import { decideReadingAcknowledgement, languageFlags, plainLanguageReport, readingLevel } from '@/workflow/readability'
import { blockingIssues, structureIssues } from '@/workflow/content-structure'
import { decideDisclosure, disclosureText } from '@/workflow/disclosure'
import { decideFeedback, feedbackPriority } from '@/workflow/feedback'
import { contentHash } from '@/workflow/hash'
import { isPrivateAddress } from '@/evidence/link-check'

const now = new Date('2026-11-29T12:00:00Z')

describe('evidence', () => {
  it('flags a source older than the limit for its type, a broken link and one outside the library', () => {
    expect(sourceFlags({ type: 'guideline', year: 2021 }, now)).toEqual([])
    expect(sourceFlags({ type: 'guideline', year: 2020 }, now).map((flag) => flag.kind)).toEqual(['old'])
    expect(sourceFlags({ type: 'trial', year: 2020 }, now)).toEqual([])
    expect(sourceFlags({ type: 'guideline', year: 2020 }, now, { guideline: 10 })).toEqual([])
    expect(
      sourceFlags({ type: 'trial', year: 2024, linkStatus: 'broken', linkProblem: 'answered HTTP 404', inLibrary: false }, now).map(
        (flag) => flag.kind,
      ),
    ).toEqual(['broken_link', 'not_in_library'])
  })

  it('checks identifiers and addresses', () => {
    expect(doiProblem('10.1002/14651858.CD001139.pub4')).toBeNull()
    expect(doiProblem('doi:10.1002/x')).not.toBeNull()
    expect(pmidProblem('26422811')).toBeNull()
    expect(pmidProblem('1234567890')).not.toBeNull()
    expect(urlProblem('https://example.org/a')).toBeNull()
    expect(urlProblem('javascript:alert(1)')).not.toBeNull()
    expect(citationLink({ doi: '10.1/x' })).toBe('https://doi.org/10.1/x')
    expect(citationLink({ pmid: '1' })).toBe('https://pubmed.ncbi.nlm.nih.gov/1/')
    expect(citationLink({ title: 'Book' })).toBeNull()
  })

  it('requires the confirmation for articles only, as a boolean', () => {
    expect(decideEvidenceConfirmation('articles', true)).toEqual({ ok: true, confirmed: true })
    expect(decideEvidenceConfirmation('articles', undefined)).toMatchObject({ ok: false, status: 400 })
    expect(decideEvidenceConfirmation('articles', 'true')).toMatchObject({ ok: false, status: 400 })
    expect(decideEvidenceConfirmation('tips', undefined)).toEqual({ ok: true, confirmed: false })
  })

  it('keeps the hash of versions signed before citations had more than four fields', () => {
    const before = { title: 'A', references: [{ id: 'row1', title: 'Source', publisher: 'NHS', year: 2020, url: null }] }
    const after = {
      title: 'A',
      references: [
        {
          id: 'row2',
          title: 'Source',
          publisher: 'NHS',
          year: 2020,
          url: null,
          source: 7,
          authors: null,
          doi: null,
          pmid: null,
          type: null,
          accessedAt: null,
          section: null,
        },
      ],
    }
    expect(contentHash('articles', after)).toBe(contentHash('articles', before))
    expect(contentHash('articles', { ...after, references: [{ ...after.references[0], section: 'Treatment' }] })).not.toBe(
      contentHash('articles', before),
    )
  })

  it('knows private network addresses', () => {
    const inside = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '198.18.0.1',
      '192.0.0.8',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      'febf::1',
      'fec0::1',
      'ff02::1',
      // IPv4 inside IPv6, in every spelling: mapped, as URL parsing writes it, compatible, NAT64, 6to4.
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:ffff:a9fe:a9fe',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      'not-an-address::',
      '1::2::3',
    ]
    for (const address of inside) expect(isPrivateAddress(address), address).toBe(true)
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:4860::8888', '::ffff:8.8.8.8', '2002:808:808::1'])
      expect(isPrivateAddress(address), address).toBe(false)
  })
})

describe('plain language', () => {
  it('measures plain text as easy and dense medical prose as hard', () => {
    const easy = readingLevel('Rest when you can. Drink water. Wear flat shoes. Ask your midwife if the pain gets worse.')
    const hard = readingLevel(
      'Gestational lumbopelvic symptomatology frequently necessitates multidisciplinary physiotherapeutic intervention alongside pharmacological analgesia.',
    )
    expect(easy!.readingAge).toBeLessThan(11)
    expect(hard!.readingAge).toBeGreaterThan(18)
    expect(readingLevel('')).toBeNull()
  })

  it('flags long sentences and jargon with a plainer word', () => {
    const flags = languageFlags(`${'word '.repeat(30)}ends here. Hypertension is high.`)
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'long_sentence' }),
      { kind: 'jargon', text: 'Hypertension', suggestion: 'high blood pressure' },
    ])
  })

  it('holds long texts to the target, and needs an above-target version acknowledged', () => {
    const hard = 'Gestational lumbopelvic symptomatology frequently necessitates multidisciplinary physiotherapeutic intervention. '.repeat(
      6,
    )
    const report = plainLanguageReport([{ field: 'body', text: hard }], 11)
    expect(report.aboveTarget).toBe(true)
    expect(decideReadingAcknowledgement(report, undefined)).toMatchObject({ ok: false, status: 409 })
    expect(decideReadingAcknowledgement(report, true)).toEqual({ ok: true, acknowledged: true })
    // A title alone is too short to judge.
    expect(plainLanguageReport([{ field: 'title', text: 'Symptomatology' }], 11).aboveTarget).toBe(false)
  })
})

describe('content structure', () => {
  const text = (value: string) => ({ type: 'text', text: value })
  const doc = (...children: object[]) => ({ root: { type: 'root', children } })
  it('finds skipped heading levels, an h1, vague or bare link texts and images without alt text', () => {
    const issues = structureIssues(
      doc(
        { type: 'heading', tag: 'h2', children: [text('Fine')] },
        { type: 'heading', tag: 'h4', children: [text('Skipped')] },
        { type: 'heading', tag: 'h1', children: [text('Second title')] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('Read more')] }] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('https://a.example/x')] }] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('NHS advice on back pain')] }] },
        { type: 'upload', value: { alt: '' } },
        { type: 'upload', value: { alt: 'A pregnant woman stretching' } },
      ),
    )
    expect(issues.map((issue) => issue.check)).toEqual(['heading_order', 'heading_order', 'link_text', 'link_text', 'image_alt'])
    expect(blockingIssues(issues, ['image_alt']).map((issue) => issue.check)).toEqual(['image_alt'])
  })
})

describe('disclosures', () => {
  it('are none, or declared with a statement', () => {
    expect(decideDisclosure({ kind: 'none', statement: '' })).toEqual({ ok: true, kind: 'none', statement: null })
    expect(decideDisclosure({ kind: 'declared', statement: '  ' })).toMatchObject({ ok: false })
    expect(decideDisclosure({ kind: 'none', statement: 'shares' })).toMatchObject({ ok: false })
    expect(decideDisclosure({ kind: 'maybe', statement: null })).toMatchObject({ ok: false })
    expect(disclosureText(null)).toBe('No statement of interests on file.')
    expect(disclosureText({ kind: 'declared', statement: 'Fees.', declaredAt: '' })).toBe('Declared interests: Fees.')
  })
})

describe('feedback', () => {
  it('drops robots silently, refuses what is malformed, and keeps e-mail only with consent', () => {
    expect(decideFeedback({ helpful: true, website: 'x' }, 10)).toMatchObject({ ok: false, spam: true })
    expect(decideFeedback({ helpful: true }, 0.5)).toMatchObject({ ok: false, spam: true })
    expect(decideFeedback({ helpful: true }, null)).toMatchObject({ ok: true })
    expect(decideFeedback({ helpful: 'no', problem: 'wrong' }, 5)).toMatchObject({
      ok: true,
      feedback: { helpful: false, problem: 'wrong', email: null },
    })
    expect(decideFeedback({ helpful: false, comment: 'x', email: 'a@b.org' }, 5)).toMatchObject({ ok: false, status: 400 })
    expect(decideFeedback({ helpful: false, comment: 'x', email: 'a@b.org', contactConsent: 'on' }, 5)).toMatchObject({
      ok: true,
      feedback: { email: 'a@b.org', contactConsent: true },
    })
    expect(feedbackPriority({ helpful: false, problem: 'wrong' })).toBeLessThan(feedbackPriority({ helpful: false, problem: 'missing' }))
  })
})

describe('profile addresses', () => {
  it('spell the name, or add a hash where they cannot, so two people never share one', async () => {
    const { profileSlug } = await import('@/accounts/display-name')
    expect(profileSlug('Dr. Maya Chen')).toBe('dr-maya-chen')
    expect(profileSlug('Wei Chen')).toBe('wei-chen')
    expect(profileSlug('Wei Chen (陈伟)')).toMatch(/^wei-chen-[0-9a-f]{10}$/)
    expect(profileSlug('陈伟')).toMatch(/^person-[0-9a-f]{10}$/)
    expect(profileSlug('Zoë Adams')).toMatch(/^zoe-adams/)
  })
})
