import { Fragment } from 'react'
import { MATCH_END, MATCH_START } from '@/site/published-content'

/** A search snippet with its matches marked; the text itself is rendered as text, never as HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {text.split(MATCH_START).map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>
        const [match, rest = ''] = part.split(MATCH_END)
        return (
          <Fragment key={index}>
            <mark>{match}</mark>
            {rest}
          </Fragment>
        )
      })}
    </>
  )
}
