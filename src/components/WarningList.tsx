import type { Warning } from '../../payload-types'
import { SEVERITY_LABEL } from '@/workflow/severity'

type Props = { warnings: Warning[]; heading: string; id: string }

/** Red flags, most pressing first; severity is spelled out, never colour alone. */
export function WarningList({ warnings, heading, id }: Props) {
  if (warnings.length === 0) return null
  return (
    <section className="warnings" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.id} className={`warning warning--${warning.severity}`} data-severity={warning.severity}>
            <p className="warning__severity">{SEVERITY_LABEL[warning.severity]}</p>
            <h3>{warning.title}</h3>
            <p>{warning.symptoms}</p>
            <p className="warning__action">
              <strong>What to do: </strong>
              {warning.action}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
