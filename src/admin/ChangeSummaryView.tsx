import type { WorkflowStatus } from './types'

type Props = {
  changes: NonNullable<WorkflowStatus['changes']>
  titles: Record<string, string>
  compareUrl: string | null
}

/** What changed since the live version, with removed and added words marked; a field too large to summarise points to the full comparison. */
export function ChangeSummaryView({ changes, titles, compareUrl }: Props) {
  const name = (field: string, id: string) => titles[`${field}:${id}`] ?? `#${id}`
  return (
    <section className="change-summary" data-testid="change-summary">
      <h4>{changes.isNew ? 'New: never approved' : 'Changed since the live version'}</h4>
      {!changes.isNew && changes.fields.length === 0 && changes.relations.length === 0 && <p>No changes in the reviewed fields.</p>}
      {changes.fields.map((change) => (
        <div key={change.field} className="change-summary__field" data-field={change.field}>
          <strong>{change.field}</strong>
          {change.tooLarge ? (
            <p className="change-summary__too-large">
              Too large to summarise: {compareUrl ? <a href={compareUrl}>open the full comparison</a> : 'open the full comparison'}
            </p>
          ) : (
            // Rich text is summarised one block per line: keep the lines.
            <p style={{ whiteSpace: 'pre-wrap' }}>
              {change.segments.map((segment, index) =>
                segment.kind === 'added' ? (
                  <ins key={index}>{segment.text}</ins>
                ) : segment.kind === 'removed' ? (
                  <del key={index}>{segment.text}</del>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
          )}
        </div>
      ))}
      {changes.relations.map((relation) => (
        <div key={relation.field} className="change-summary__field" data-field={relation.field}>
          <strong>{relation.field}</strong>
          <ul>
            {relation.added.map((id) => (
              <li key={`a${id}`}>
                <ins>Added: {name(relation.field, id)}</ins>
              </li>
            ))}
            {relation.removed.map((id) => (
              <li key={`r${id}`}>
                <del>Removed: {name(relation.field, id)}</del>
              </li>
            ))}
            {relation.reordered && <li>Order changed</li>}
          </ul>
        </div>
      ))}
      {compareUrl && (
        <p>
          <a href={compareUrl}>Open the full comparison</a>
        </p>
      )}
    </section>
  )
}
