import type { ReactNode } from 'react'

/** One section of the reviewers' queue: its title and count, a note when only the most urgent are listed, then its table (or "Nothing here."). */
export function QueueSection({ title, total, shown, children }: { title: string; total: number; shown: number; children: ReactNode }) {
  return (
    <section className="review-queue__section" data-testid={`queue-${title.toLowerCase().replace(/\W+/g, '-')}`}>
      <h3>
        {title} ({total})
      </h3>
      {total > shown ? <p>The {shown} most urgent are listed here.</p> : null}
      {shown === 0 ? <p>Nothing here.</p> : children}
    </section>
  )
}
