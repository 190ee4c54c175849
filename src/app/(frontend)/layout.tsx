import type { Metadata } from 'next'
import Link from 'next/link'
import type React from 'react'
import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Vetted: medically reviewed health advice', template: '%s · Vetted' },
  description: 'Health advice that a medical reviewer has signed off, word for word.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Vetted
          </Link>
          <span className="tagline">Medically reviewed health advice</span>
          <nav aria-label="Site">
            <Link href="/search">Search</Link> <Link href="/updates">Updates</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Every article is signed off by a medical reviewer before it appears here.</p>
        </footer>
      </body>
    </html>
  )
}
