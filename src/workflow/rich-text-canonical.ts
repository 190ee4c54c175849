// Lexical rich text as deterministic, markdown-like text, one block per line, for the
// reviewer's change summary. Everything a reader can see has a mark here (link
// targets, new-tab links, each text format, list kinds and nesting, check boxes,
// heading levels, quotes, line breaks, alignment, uploads, rules), and a node this
// file does not know is written out whole, so no change can pass unseen. Text that
// looks like a mark is escaped, so different documents never read the same.
import { canonicalJson } from './hash'

type Node = Record<string, unknown>

export type CanonicalOptions = {
  /** Longest text to produce; past it the result is null. */
  maxChars?: number
  /** Deepest nesting to follow; past it the result is null. */
  maxDepth?: number
}

/** Lexical's text format bits, in the order their marks are put on (innermost first). */
const FORMATS: [bit: number, open: string, close: string][] = [
  [1, '**', '**'],
  [2, '_', '_'],
  [4, '~~', '~~'],
  [8, '<u>', '</u>'],
  [16, '`', '`'],
  [32, '<sub>', '</sub>'],
  [64, '<sup>', '</sup>'],
  [128, '<mark>', '</mark>'],
]
const KNOWN_FORMAT_BITS = FORMATS.reduce((bits, [bit]) => bits | bit, 0)

const INLINE = new Set(['text', 'linebreak', 'tab', 'link', 'autolink'])
const INDENT = '  '

class TooLarge extends Error {}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)
const childrenOf = (node: Node): unknown[] => (Array.isArray(node.children) ? node.children : [])
const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** Characters that would otherwise read as marks, and newlines, which would read as new blocks. */
const escapeText = (text: string) =>
  text
    .replace(/[\\*_~`[\]<>{}]/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
const escapeUrl = (url: string) => url.replace(/[\\()]/g, '\\$&').replace(/\s/g, (space) => encodeURIComponent(space))
/** A paragraph has no prefix of its own: text that starts like a block mark is escaped, as CommonMark does. */
const escapeLead = (line: string) => (/^\d+\./.test(line) ? line.replace('.', '\\.') : /^[#>\-\s]/.test(line) ? `\\${line}` : line)

/** The id of a relation value, stored as an id or as the populated document. */
function relationLabel(relationTo: unknown, value: unknown): string {
  const id = isNode(value) ? value.id : value
  return `${str(relationTo) || '?'}#${typeof id === 'string' || typeof id === 'number' ? id : canonicalJson(id)}`
}

/** Alignment and indentation, which the site renders as text-align and padding. */
function layout(node: Node, withIndent: boolean, prefix = ''): string[] {
  const parts: string[] = []
  if ((typeof node.format === 'string' && node.format) || (typeof node.format === 'number' && node.format)) {
    parts.push(`${prefix}align: ${node.format}`)
  }
  if (withIndent && typeof node.indent === 'number' && node.indent > 0) parts.push(`${prefix}indent: ${node.indent}`)
  return parts
}

const attributes = (parts: string[]) => (parts.length ? ` {${parts.join(', ')}}` : '')

class Renderer {
  private readonly lines: string[] = []
  private chars = 0

  constructor(
    private readonly maxChars: number,
    private readonly maxDepth: number,
  ) {}

  render(root: Node): string {
    this.blocks(childrenOf(root), '', 0)
    return this.lines.join('\n')
  }

  /** Each line is counted as it is written: output is a small multiple of the input at most. */
  private line(text: string) {
    this.chars += text.length + 1
    if (this.chars > this.maxChars) throw new TooLarge()
    this.lines.push(text)
  }

  private enter(depth: number): number {
    if (depth >= this.maxDepth) throw new TooLarge()
    return depth + 1
  }

  /** Nodes at block level: each block on its lines, stray inline nodes gathered into one. */
  private blocks(nodes: unknown[], indent: string, depth: number) {
    let inline: Node[] = []
    const flush = () => {
      if (inline.length) this.line(indent + escapeLead(this.inline(inline, indent, depth)))
      inline = []
    }
    for (const child of nodes) {
      const node = isNode(child) ? child : { type: 'invalid', value: child }
      if (INLINE.has(str(node.type))) {
        inline.push(node)
        continue
      }
      flush()
      this.block(node, indent, depth)
    }
    flush()
  }

  private block(node: Node, indent: string, depth: number) {
    const inner = this.enter(depth)
    const content = () => this.inline(childrenOf(node), indent, inner)
    switch (node.type) {
      case 'paragraph': {
        const text = content()
        this.line(indent + (text ? escapeLead(text) : '[blank line]') + attributes(layout(node, true)))
        return
      }
      case 'heading': {
        const level = /^h([1-6])$/.exec(str(node.tag))
        const mark = level ? '#'.repeat(Number(level[1])) : `[heading ${canonicalJson(node.tag ?? null)}]`
        this.line(`${indent}${mark} ${content()}${attributes(layout(node, true))}`)
        return
      }
      case 'quote':
        this.line(`${indent}> ${content()}${attributes(layout(node, true))}`)
        return
      case 'list':
        this.list(node, indent, inner)
        return
      case 'horizontalrule':
        this.line(`${indent}---`)
        return
      case 'upload': {
        const fields = isNode(node.fields) && Object.keys(node.fields).length ? ` ${canonicalJson(node.fields)}` : ''
        this.line(`${indent}[upload: ${relationLabel(node.relationTo, node.value)}${fields}]${attributes(layout(node, false))}`)
        return
      }
      case 'relationship':
        this.line(`${indent}[relationship: ${relationLabel(node.relationTo, node.value)}]${attributes(layout(node, false))}`)
        return
      default:
        this.line(indent + this.unknown(node))
        this.blocks(childrenOf(node), indent + INDENT, inner)
    }
  }

  private list(list: Node, indent: string, depth: number) {
    const listType = str(list.listType)
    const expectedTag = listType === 'number' ? 'ol' : 'ul'
    const listLayout = layout(list, true, 'list ')
    if (typeof list.tag === 'string' && list.tag !== expectedTag) listLayout.push(`list tag: ${list.tag}`)
    const start = typeof list.start === 'number' ? list.start : 1
    childrenOf(list).forEach((child, index) => {
      if (!isNode(child) || child.type !== 'listitem') {
        this.blocks([child], indent, depth)
        return
      }
      const inner = this.enter(depth)
      const marker =
        listType === 'check'
          ? `- [${child.checked ? 'x' : ' '}]`
          : listType === 'number'
            ? `${typeof child.value === 'number' ? child.value : start + index}.`
            : '-'
      const items = childrenOf(child)
      const nested = items.filter((item) => isNode(item) && item.type === 'list')
      const own = items.filter((item) => !(isNode(item) && item.type === 'list'))
      // An item holding only a nested list is Lexical's wrapper for the nesting: no bullet of its own.
      if (own.length || !nested.length) {
        const text = this.inline(own, indent + INDENT, inner)
        this.line(`${indent}${marker} ${text}${attributes([...layout(child, false), ...listLayout])}`)
      }
      for (const sublist of nested) this.list(sublist as Node, indent + INDENT, inner)
    })
  }

  /** Inline nodes as one line; a line break continues it on the next. */
  private inline(nodes: unknown[], indent: string, depth: number): string {
    let out = ''
    let pending: { text: string; format: number; style: string } | null = null
    const flush = () => {
      if (pending?.text) out += formatted(pending.text, pending.format, pending.style)
      pending = null
    }
    for (const child of nodes) {
      const node = isNode(child) ? child : { type: 'invalid', value: child }
      if (node.type === 'text') {
        // Neighbouring text with the same format reads as one run, however Lexical split it.
        const text = str(node.text)
        const format = typeof node.format === 'number' ? node.format : 0
        const style = str(node.style)
        if (pending && pending.format === format && pending.style === style) pending.text += text
        else {
          flush()
          pending = { text, format, style }
        }
        continue
      }
      flush()
      out += this.inlineNode(node, indent, depth)
    }
    flush()
    return out
  }

  private inlineNode(node: Node, indent: string, depth: number): string {
    const inner = this.enter(depth)
    switch (node.type) {
      case 'linebreak':
        return `\\\n${indent}`
      case 'tab':
        return '\t'
      case 'link':
      case 'autolink':
        return this.link(node, indent, inner)
      default: {
        const children = childrenOf(node)
        const body = children.length ? `${this.inline(children, indent, inner)}[/${str(node.type)}]` : ''
        return this.unknown(node) + body
      }
    }
  }

  private link(node: Node, indent: string, depth: number): string {
    const fields = isNode(node.fields) ? node.fields : {}
    const { url, newTab, linkType, doc, ...other } = fields
    // As the site renders it: an internal link goes to its document, any other to its url.
    const target =
      linkType === 'internal'
        ? `doc: ${isNode(doc) ? relationLabel(doc.relationTo, doc.value) : canonicalJson(doc ?? null)}`
        : escapeUrl(str(url))
    const marks = [newTab ? '{new tab}' : '', Object.keys(other).length ? `{fields: ${canonicalJson(other)}}` : '']
    return `[${this.inline(childrenOf(node), indent, depth)}](${target})${marks.join('')}`
  }

  /** A node this file does not know: its type and every field but its children. */
  private unknown(node: Node): string {
    const { type, children, version: _version, ...rest } = node
    if (children !== undefined && !Array.isArray(children)) rest.children = children
    const fields = Object.keys(rest).length ? `: ${canonicalJson(rest)}` : ''
    return `[${typeof type === 'string' ? type : canonicalJson(type ?? null)}${fields}]`
  }
}

function formatted(text: string, format: number, style: string): string {
  let out = escapeText(text)
  for (const [bit, open, close] of FORMATS) if (format & bit) out = open + out + close
  const unknownBits = format & ~KNOWN_FORMAT_BITS
  if (unknownBits) out = `<format ${unknownBits}>${out}</format>`
  if (style) out = `<span style="${style.replace(/["\\]/g, '\\$&')}">${out}</span>`
  return out
}

/**
 * The canonical text of a Lexical document (`{ root: { children } }`), or null when
 * it would be longer than `maxChars` or nest deeper than `maxDepth`.
 */
export function richTextCanonical(document: unknown, { maxChars = 1_000_000, maxDepth = 64 }: CanonicalOptions = {}): string | null {
  const root = isNode(document) ? document.root : undefined
  if (!isNode(root)) return ''
  try {
    return new Renderer(maxChars, maxDepth).render(root)
  } catch (error) {
    if (error instanceof TooLarge) return null
    throw error
  }
}
