// The plain text of a Lexical rich-text document, block by block.
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }

const BLOCKS = new Set(['paragraph', 'heading', 'listitem', 'quote'])

export function lexicalText(document: unknown): string {
  const root = (document as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const blocks: string[] = []
  const walk = (node: LexicalNode, into: string[]) => {
    if (typeof node.text === 'string') into.push(node.text)
    for (const child of node.children ?? []) {
      if (child.type && BLOCKS.has(child.type)) {
        const parts: string[] = []
        walk(child, parts)
        blocks.push(parts.join(''))
      } else {
        walk(child, into)
      }
    }
  }
  walk(root, blocks)
  return blocks.filter(Boolean).join('\n')
}
