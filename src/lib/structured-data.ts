// schema.org MedicalWebPage for an article, derived from its sign-off record.
import type { Approver, PublishedArticle } from './published-content'
import { correctionNotice } from '../workflow/change-log'

const AUDIENCE: Record<string, string> = { patient: 'Patient', caregiver: 'Patient', clinician: 'Clinician' }

const person = (approver: Approver) => ({
  '@type': 'Person',
  name: approver.name,
  ...(approver.specialties.length ? { knowsAbout: approver.specialties } : {}),
  ...(approver.credentials ? { hasCredential: { '@type': 'EducationalOccupationalCredential', name: approver.credentials } } : {}),
})

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
    // Every approval modifies the page; only a full clinical review is a review (review-kind.ts).
    dateModified: signOff?.approvedAt ?? article.updatedAt,
    ...(signOff
      ? {
          lastReviewed: signOff.reviewedAt.slice(0, 10),
          reviewedBy: reviewedBy(signOff.approvers),
        }
      : {}),
    ...(corrected ? { correction: { '@type': 'CorrectionComment', text: corrected.note, datePublished: corrected.at } } : {}),
  }
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
