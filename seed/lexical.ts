// Builds Lexical rich-text JSON (the editor's storage format) from headings and paragraphs.

type TextNode = {
  type: 'text'
  text: string
  format: number
  style: string
  mode: 'normal'
  detail: number
  version: 1
}
type BlockBase = { format: ''; indent: 0; version: 1; direction: 'ltr'; children: TextNode[] }
type HeadingNode = BlockBase & { type: 'heading'; tag: 'h2' | 'h3' }
type ParagraphNode = BlockBase & { type: 'paragraph'; textFormat: 0; textStyle: '' }

export type LexicalDocument = {
  root: {
    type: 'root'
    format: ''
    indent: 0
    version: 1
    direction: 'ltr'
    children: (HeadingNode | ParagraphNode)[]
  }
}

export type Section = { heading?: string; paragraphs: string[] }

const text = (value: string): TextNode => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

const block = { format: '', indent: 0, version: 1, direction: 'ltr' } as const

export function lexicalFromSections(sections: Section[]): LexicalDocument {
  const children: (HeadingNode | ParagraphNode)[] = []
  for (const section of sections) {
    if (section.heading) children.push({ ...block, type: 'heading', tag: 'h2', children: [text(section.heading)] })
    for (const paragraph of section.paragraphs) {
      children.push({ ...block, type: 'paragraph', textFormat: 0, textStyle: '', children: [text(paragraph)] })
    }
  }
  return { root: { ...block, type: 'root', children } }
}
