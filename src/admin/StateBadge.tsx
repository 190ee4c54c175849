const LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  published: 'Published',
  retired: 'Retired',
}

/** A coloured badge that also says the state in words. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`state-badge state-badge--${state}`}>{LABEL[state] ?? state}</span>
}
