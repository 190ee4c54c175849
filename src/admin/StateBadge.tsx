import { type State, STATE_LABEL } from '../workflow/states'

/** A coloured badge that also says the state in words. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`state-badge state-badge--${state}`}>{STATE_LABEL[state as State] ?? state}</span>
}
