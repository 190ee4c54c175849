import type { Tip } from '../../payload-types'

export function TipList({ tips }: { tips: Tip[] }) {
  if (tips.length === 0) return null
  return (
    <section className="tips" aria-labelledby="tips-heading">
      <h2 id="tips-heading">What helps</h2>
      <ol>
        {tips.map((tip) => (
          <li key={tip.id} className="tip">
            <h3>{tip.title}</h3>
            <p>{tip.body}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
