import { describe, expect, it } from 'vitest'
import { citationLink, decideEvidenceConfirmation, doiProblem, pmidProblem, sourceFlags, urlProblem } from '@/workflow/evidence'
import { contentHash } from '@/workflow/hash'

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
})
