// The demo's evidence library and declarations of interests (fictional people; real sources,
// which the link check will find unreachable on a machine without the internet).
import type { Source } from '../payload-types'

export type SourceSeed = Pick<Source, 'title' | 'authors' | 'publisher' | 'year' | 'type' | 'url' | 'doi' | 'pmid'> & { section?: string }

export const SEED_SOURCES: SourceSeed[] = [
  {
    title: 'Interventions for preventing and treating low-back and pelvic pain during pregnancy',
    authors: 'Liddle SD, Pennick V',
    publisher: 'Cochrane Database of Systematic Reviews',
    year: 2015,
    type: 'systematic_review',
    url: 'https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD001139.pub4/full',
    doi: '10.1002/14651858.CD001139.pub4',
    pmid: '26422811',
    section: 'What helps',
  },
  {
    title: 'Back pain in pregnancy',
    authors: 'NHS',
    publisher: 'NHS website',
    year: 2024,
    type: 'patient_information',
    url: 'https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/back-pain/',
  },
]

export const SEED_DISCLOSURES: Record<string, { kind: 'none' | 'declared'; statement?: string }> = {
  'editor@example.com': { kind: 'none' },
  'reviewer@example.com': { kind: 'none' },
  'reviewer2@example.com': {
    kind: 'declared',
    statement: 'Unpaid member of a national advisory group on maternity care (demo declaration).',
  },
}
