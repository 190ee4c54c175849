import { CHANGE_KIND_LABEL, type ChangeEntry, correctionNotice } from '@/workflow/change-log'
import { formatDate } from './format'

const When = ({ at }: { at: string }) => <time dateTime={at}>{formatDate(at)}</time>

/** A correction in the last 30 days, announced at the top of the page: what was wrong and what changed. */
export function CorrectionNotice({ changes, now }: { changes: ChangeEntry[]; now: Date }) {
  const notice = correctionNotice(changes, now)
  if (!notice) return null
  return (
    <div className="correction" role="note" data-testid="correction-notice">
      <p>
        <strong>Correction</strong> (<When at={notice.at} />
        ): {notice.note}
      </p>
    </div>
  )
}

/** "What changed": every version readers were shown, newest first, with its kind and public note. */
export function ChangeLog({ changes }: { changes: ChangeEntry[] }) {
  if (changes.length === 0) return null
  return (
    <section aria-labelledby="what-changed" data-testid="change-log">
      <h2 id="what-changed">What changed</h2>
      <ol className="change-log">
        {changes.map((change) => (
          <li key={`${change.at}-${change.kind}`}>
            <When at={change.at} />: {CHANGE_KIND_LABEL[change.kind]}
            {change.note && <>. {change.note}</>}
          </li>
        ))}
      </ol>
    </section>
  )
}
