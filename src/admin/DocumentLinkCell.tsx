import type { DefaultCellComponentProps } from 'payload'

/** The workflow list's title column links to the document itself, with its review panel. */
export function DocumentLinkCell({ cellData, rowData }: DefaultCellComponentProps) {
  const href = `/admin/collections/${rowData.documentCollection}/${rowData.documentId}`
  return <a href={href}>{String(cellData ?? `#${rowData.documentId}`)}</a>
}
