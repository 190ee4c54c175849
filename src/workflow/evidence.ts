// The evidence behind advice (NHS standard: "evidence-based"; PIF TICK; NAM
// credibility principles): sources are kept once and cited by articles; each citation carries a
// copy of the source as it was when the version was saved, so readers only ever see what a
// reviewer signed. At each approval of an article the reviewer confirms the evidence was
// checked; old sources and broken links are flagged to them. Pure rules (no Payload, no I/O).
import { REVIEWABLE, type ReviewableCollection } from './reviewable'

export const SOURCE_TYPES = ['guideline', 'systematic_review', 'trial', 'expert_opinion', 'patient_information'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  guideline: 'Guideline',
  systematic_review: 'Systematic review',
  trial: 'Trial',
  expert_opinion: 'Expert opinion',
  patient_information: 'Patient information',
}

export const isSourceType = (value: unknown): value is SourceType => SOURCE_TYPES.includes(value as SourceType)

/** Years after which a source is flagged as old, by type (the review policy may change them). */
export const DEFAULT_SOURCE_MAX_AGE_YEARS: Record<SourceType, number> = {
  guideline: 5,
  systematic_review: 5,
  trial: 10,
  expert_opinion: 5,
  patient_information: 3,
}

export const LINK_STATUSES = ['unchecked', 'ok', 'broken'] as const
export type LinkStatus = (typeof LINK_STATUSES)[number]

/** The bibliographic fields a citation copies from its source, and readers see. */
export const CITED_FIELDS = ['title', 'authors', 'publisher', 'year', 'url', 'doi', 'pmid', 'type', 'accessedAt'] as const
/** What a reference said before the sources library (and what versions signed then hash). */
export const REFERENCE_FIELDS = ['title', 'publisher', 'year', 'url'] as const
export type CitedField = (typeof CITED_FIELDS)[number]
export type CitedSource = Partial<Record<CitedField, string | number | null>>

/** The copy of a source that a citation keeps (absent fields as null). */
export function citationCopy(source: Record<string, unknown>): CitedSource {
  const copy: CitedSource = {}
  for (const field of CITED_FIELDS) {
    const value = source[field]
    copy[field] = typeof value === 'string' || typeof value === 'number' ? value : null
  }
  return copy
}

export const DOI_PATTERN = /^10\.\d{4,9}\/\S{1,200}$/
export const PMID_PATTERN = /^\d{1,9}$/
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i

export const doiProblem = (value: unknown): string | null =>
  value == null || value === '' || (typeof value === 'string' && DOI_PATTERN.test(value.trim()))
    ? null
    : 'A DOI looks like 10.1136/bmj.n71 (without https://doi.org/).'

export const pmidProblem = (value: unknown): string | null =>
  value == null || value === '' || (typeof value === 'string' && PMID_PATTERN.test(value.trim()))
    ? null
    : 'A PMID is a number of up to 9 digits.'

export const urlProblem = (value: unknown): string | null =>
  value == null || value === '' || (typeof value === 'string' && value.length <= 2000 && HTTP_URL_PATTERN.test(value))
    ? null
    : 'Give a full http(s) address.'

/** Where a reader follows a citation: its address, else its DOI, else its PubMed record. */
export function citationLink(source: CitedSource): string | null {
  if (typeof source.url === 'string' && source.url) return source.url
  if (typeof source.doi === 'string' && source.doi) return `https://doi.org/${source.doi}`
  if (source.pmid != null && String(source.pmid)) return `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/`
  return null
}

export type SourceFlag = { kind: 'old' | 'broken_link' | 'not_in_library'; message: string }

export type SourceState = CitedSource & { linkStatus?: LinkStatus | null; linkProblem?: string | null; inLibrary?: boolean }

/** What a reviewer should look at again in one cited source, as of `now`. */
export function sourceFlags(source: SourceState, now: Date, maxAgeYears: Partial<Record<SourceType, number>> = {}): SourceFlag[] {
  const flags: SourceFlag[] = []
  const type = isSourceType(source.type) ? source.type : null
  const limit = type ? (maxAgeYears[type] ?? DEFAULT_SOURCE_MAX_AGE_YEARS[type]) : null
  const year = typeof source.year === 'number' ? source.year : Number(source.year)
  if (limit != null && Number.isFinite(year) && year > 0 && now.getUTCFullYear() - year > limit) {
    flags.push({
      kind: 'old',
      message: `Published ${year}: older than ${limit} years, the limit for a ${SOURCE_TYPE_LABEL[type!].toLowerCase()}.`,
    })
  }
  if (source.linkStatus === 'broken') {
    flags.push({ kind: 'broken_link', message: `The link is broken${source.linkProblem ? ` (${source.linkProblem})` : ''}.` })
  }
  if (source.inLibrary === false) flags.push({ kind: 'not_in_library', message: 'Not linked to a source in the library.' })
  return flags
}

export const EVIDENCE_NOT_CONFIRMED =
  'Confirm that you checked the evidence this version cites ("evidenceChecked": true): that each source supports the advice and is still current.'

/** Approving content that cites sources needs the reviewer's confirmation that its evidence was checked. */
export function decideEvidenceConfirmation(
  collection: ReviewableCollection,
  evidenceChecked: unknown,
): { ok: true; confirmed: boolean } | { ok: false; status: 400; message: string } {
  if (evidenceChecked != null && typeof evidenceChecked !== 'boolean')
    return { ok: false, status: 400, message: '"evidenceChecked" is true or false.' }
  if (REVIEWABLE[collection].citesEvidence && evidenceChecked !== true) return { ok: false, status: 400, message: EVIDENCE_NOT_CONFIRMED }
  return { ok: true, confirmed: evidenceChecked === true }
}
