// schema.org MedicalWebPage for an article, derived from its sign-off record.
import type { Approver, PublishedArticle } from './published-content'
import { correctionNotice } from '../workflow/change-log'
import { citationLink } from '../workflow/evidence'
import { absoluteUrl } from './site-url'

const AUDIENCE: Record<string, string> = { patient: 'Patient', caregiver: 'Patient', clinician: 'Clinician' }

const person = (approver: Approver) => ({
  '@type': 'Person',
  name: approver.name,
  ...(approver.profileSlug ? { url: absoluteUrl(`/reviewers/${approver.profileSlug}`) } : {}),
  ...(approver.specialties.length ? { knowsAbout: approver.specialties } : {}),
  ...(approver.credentials ? { hasCredential: { '@type': 'EducationalOccupationalCredential', name: approver.credentials } } : {}),
})

type Citation = NonNullable<PublishedArticle['references']>[number]

/** A cited source as schema.org CreativeWork (ScholarlyArticle when it has a DOI or PMID). */
const creativeWork = (citation: Citation) => {
  const url = citationLink(citation)
  const identifiers = [citation.doi && `doi:${citation.doi}`, citation.pmid && `pmid:${citation.pmid}`].filter(Boolean)
  return {
    '@type': citation.doi || citation.pmid ? 'ScholarlyArticle' : 'CreativeWork',
    name: citation.title,
    ...(citation.authors ? { author: citation.authors } : {}),
    ...(citation.publisher ? { publisher: citation.publisher } : {}),
    ...(citation.year ? { datePublished: String(citation.year) } : {}),
    ...(url ? { url } : {}),
    ...(identifiers.length ? { identifier: identifiers } : {}),
  }
}

/** One Person, or a list when the sign-off policy needed several. */
const reviewedBy = (approvers: Approver[]) => (approvers.length === 1 ? person(approvers[0]!) : approvers.map(person))

export function medicalWebPage(article: PublishedArticle, url: string, now = new Date()) {
  const signOff = article.signOff
  const corrected = correctionNotice(article.changes, now)
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: article.title,
    description: article.summary,
    url,
    inLanguage: 'en',
    about: { '@type': 'MedicalCondition', name: article.topic },
    medicalAudience: { '@type': 'MedicalAudience', audienceType: AUDIENCE[article.audience] ?? 'Patient' },
    ...(article.releaseDate ? { datePublished: article.releaseDate } : {}),
    // Every approval modifies the page; only a full clinical review is a review (src/workflow/review-kind.ts).
    dateModified: signOff?.approvedAt ?? article.updatedAt,
    ...(signOff
      ? {
          lastReviewed: signOff.reviewedAt.slice(0, 10),
          reviewedBy: reviewedBy(signOff.approvers),
        }
      : {}),
    ...(article.references?.length ? { citation: article.references.map(creativeWork) } : {}),
    ...(corrected ? { correction: { '@type': 'CorrectionComment', text: corrected.note, datePublished: corrected.at } } : {}),
  }
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
