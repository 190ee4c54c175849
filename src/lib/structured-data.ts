// schema.org MedicalWebPage for an article, derived from its sign-off record.
import type { PublishedArticle } from './published-content'

const AUDIENCE: Record<string, string> = { patient: 'Patient', caregiver: 'Patient', clinician: 'Clinician' }

export function medicalWebPage(article: PublishedArticle, url: string) {
  const signOff = article.signOff
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
    dateModified: signOff?.reviewedAt ?? article.updatedAt,
    ...(signOff
      ? {
          lastReviewed: signOff.reviewedAt.slice(0, 10),
          reviewedBy: {
            '@type': 'Person',
            name: signOff.reviewerName,
            ...(signOff.reviewerSpecialties.length ? { knowsAbout: signOff.reviewerSpecialties } : {}),
            ...(signOff.reviewerCredentials
              ? { hasCredential: { '@type': 'EducationalOccupationalCredential', name: signOff.reviewerCredentials } }
              : {}),
          },
        }
      : {}),
  }
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
