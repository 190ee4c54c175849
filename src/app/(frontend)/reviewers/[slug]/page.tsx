import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { isSlug } from '@/lib/slugify'
import { reviewerProfile } from '@/site/reviewer-profiles'
import { absoluteUrl } from '@/site/site-url'
import { formatDate } from '@/components/format'

type Props = { params: Promise<{ slug: string }> }

// Rendered for each request from the cached data, as article pages are (see there).
export const dynamic = 'force-dynamic'

const profileOf = async (slug: string) => (isSlug(slug) ? reviewerProfile(slug) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await profileOf((await params).slug)
  if (!profile) return { title: 'Page not found' }
  return { title: `${profile.name}, medical reviewer`, alternates: { canonical: absoluteUrl(`/reviewers/${profile.slug}`) } }
}

export default async function ReviewerPage({ params }: Props) {
  const profile = await profileOf((await params).slug)
  if (!profile) notFound()
  return (
    <article className="profile" data-testid="reviewer-profile">
      <h1>
        {profile.name}
        {profile.credentials && <span className="credentials">, {profile.credentials}</span>}
      </h1>
      <p className="meta">Medical reviewer{profile.specialties.length > 0 && <>: {profile.specialties.join(', ')}</>}</p>
      <h2>Professional registration</h2>
      {profile.registrations.length === 0 ? (
        <p>No verified registration on file.</p>
      ) : (
        <ul>
          {profile.registrations.map((registration, index) => (
            <li key={index}>
              {registration.body}: {registration.current ? 'current' : 'lapsed'}
              {registration.validUntil && <> (valid until {formatDate(registration.validUntil)})</>}
            </li>
          ))}
        </ul>
      )}
      <h2>Declared interests</h2>
      <p data-testid="current-disclosure">{profile.disclosure}</p>
      {profile.earlierDisclosures.length > 0 && (
        <details>
          <summary>Earlier declarations</summary>
          <ul>
            {profile.earlierDisclosures.map((earlier, index) => (
              <li key={index}>
                {formatDate(earlier.declaredAt)}: {earlier.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h2>Articles approved</h2>
      {profile.approved.length === 0 ? (
        <p>None of the current articles yet.</p>
      ) : (
        <ul data-testid="approved-articles">
          {profile.approved.map((article) => (
            <li key={article.slug}>
              <Link href={`/articles/${article.slug}`}>{article.title}</Link> (approved {formatDate(article.approvedAt)})
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
