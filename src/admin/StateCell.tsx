import type { DefaultCellComponentProps } from 'payload'
import { StateBadge } from './StateBadge'
import './admin.scss'

/** The workflow list's state column, as a coloured badge. */
export function StateCell({ cellData }: DefaultCellComponentProps) {
  return <StateBadge state={String(cellData ?? 'draft')} />
}
