// Accessible structure of rich text (WCAG 2.2: 1.1.1 text alternatives, 1.3.1 headings in
// order, 2.4.4 link purpose). Advisory, unless the review policy makes a check blocking.
// Pure rules over Lexical's JSON.

export const STRUCTURE_CHECKS = ['image_alt', 'heading_order', 'link_text'] as const
export type StructureCheck = (typeof STRUCTURE_CHECKS)[number]

export const STRUCTURE_CHECK_LABEL: Record<StructureCheck, string> = {
  image_alt: 'Every image has alt text',
  heading_order: 'Headings in order',
  link_text: 'Links say where they go',
}

export type StructureIssue = { check: StructureCheck; message: string }

type Node = {
  type?: string
  tag?: string
  text?: string
  url?: string
  altText?: string
  fields?: Record<string, unknown>
  value?: unknown
  children?: Node[]
}

/** Link texts that say nothing out of context. */
const VAGUE_LINK_TEXT = new Set([
  'click here',
  'here',
  'click',
  'read more',
  'more',
  'this',
  'link',
  'this link',
  'learn more',
  'find out more',
])

const textOf = (node: Node): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(''))

/** The page's own title is the h1, so the body's headings start at h2 and go down one level at a time. */
export function structureIssues(document: unknown): StructureIssue[] {
  const root = (document as { root?: Node } | null)?.root
  if (!root) return []
  const issues: StructureIssue[] = []
  let previousLevel = 1
  const walk = (node: Node) => {
    if (node.type === 'heading' && typeof node.tag === 'string') {
      const level = Number(node.tag.slice(1))
      const label = textOf(node).slice(0, 60)
      if (level === 1) issues.push({ check: 'heading_order', message: `"${label}" is a level 1 heading: the page title is the only one.` })
      else if (level > previousLevel + 1) {
        issues.push({ check: 'heading_order', message: `"${label}" jumps from level ${previousLevel} to level ${level}.` })
      }
      previousLevel = level
    }
    if (node.type === 'link' || node.type === 'autolink') {
      const text = textOf(node).trim()
      const url = String(node.fields?.url ?? node.url ?? '')
      if (!text) issues.push({ check: 'link_text', message: `A link to ${url || 'an address'} has no text.` })
      else if (VAGUE_LINK_TEXT.has(text.toLowerCase().replace(/[.!:]+$/, ''))) {
        issues.push({ check: 'link_text', message: `The link text "${text}" does not say where it goes.` })
      } else if (/^(https?:\/\/|www\.)/i.test(text)) {
        issues.push({ check: 'link_text', message: `The link text is a bare address (${text.slice(0, 60)}): name the page instead.` })
      }
    }
    if (node.type === 'upload' || node.type === 'image') {
      const alt = node.altText ?? node.fields?.alt ?? (node.value as { alt?: unknown } | undefined)?.alt
      if (typeof alt !== 'string' || !alt.trim()) issues.push({ check: 'image_alt', message: 'An image has no alt text.' })
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(root)
  return issues
}

/** The issues a policy makes blocking, among those found. */
export const blockingIssues = (issues: StructureIssue[], blocking: readonly string[]): StructureIssue[] =>
  issues.filter((issue) => blocking.includes(issue.check))
