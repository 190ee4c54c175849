import { describe, expect, it } from 'vitest'
import { lexicalFromSections } from '@seed/lexical'
import { richTextCanonical } from '@/workflow'

// Lexical JSON as the editor stores it.
type N = Record<string, unknown>
const text = (value: string, format = 0, style = ''): N => ({
  type: 'text',
  text: value,
  format,
  style,
  mode: 'normal',
  detail: 0,
  version: 1,
})
const block = { format: '', indent: 0, version: 1, direction: 'ltr' }
const p = (...children: N[]): N => ({ ...block, type: 'paragraph', textFormat: 0, textStyle: '', children })
const heading = (tag: string, ...children: N[]): N => ({ ...block, type: 'heading', tag, children })
const quote = (...children: N[]): N => ({ ...block, type: 'quote', children })
const link = (fields: N, ...children: N[]): N => ({
  ...block,
  type: 'link',
  id: 'x1',
  fields: { linkType: 'custom', newTab: false, ...fields },
  children,
})
const list = (listType: string, ...children: N[]): N => ({
  ...block,
  type: 'list',
  listType,
  tag: listType === 'number' ? 'ol' : 'ul',
  start: 1,
  children,
})
const item = (value: number, children: N[], extra: N = {}): N => ({ ...block, type: 'listitem', value, children, ...extra })
const doc = (...children: N[]) => ({ root: { ...block, type: 'root', children } })
const canonical = (...children: N[]) => richTextCanonical(doc(...children))

describe('rich text canonical form', () => {
  it('writes one block per line, headings marked by level, as the seed builds them', () => {
    const seeded = lexicalFromSections([{ paragraphs: ['Intro.'] }, { heading: 'Why it happens', paragraphs: ['First.', 'Second.'] }])
    expect(richTextCanonical(seeded)).toBe('Intro.\n## Why it happens\nFirst.\nSecond.')
  })

  it('shows a link target, so a changed URL changes the text', () => {
    const nhs = canonical(p(text('See '), link({ url: 'https://www.nhs.uk/medicines/ibuprofen/' }, text('NHS advice'))))
    const evil = canonical(p(text('See '), link({ url: 'https://evil.example/ibuprofen/' }, text('NHS advice'))))
    expect(nhs).toBe('See [NHS advice](https://www.nhs.uk/medicines/ibuprofen/)')
    expect(evil).toBe('See [NHS advice](https://evil.example/ibuprofen/)')
  })

  it('shows a link that opens in a new tab', () => {
    expect(canonical(p(link({ url: 'https://www.nhs.uk/', newTab: true }, text('NHS'))))).toBe('[NHS](https://www.nhs.uk/){new tab}')
    expect(canonical(p(link({ url: 'https://www.nhs.uk/', newTab: false }, text('NHS'))))).toBe('[NHS](https://www.nhs.uk/)')
  })

  it('shows an internal link by the document it points to, as the site does', () => {
    const internal = (id: number) =>
      canonical(p(link({ linkType: 'internal', doc: { relationTo: 'articles', value: { id } } }, text('more'))))
    expect(internal(12)).toBe('[more](doc: articles#12)')
    expect(internal(13)).not.toBe(internal(12))
  })

  it('shows extra link fields, and an autolink like a link', () => {
    expect(canonical(p(link({ url: 'https://a.example/', rel: 'sponsored' }, text('a'))))).toBe(
      '[a](https://a.example/){fields: {"rel":"sponsored"}}',
    )
    expect(canonical(p({ ...link({ url: 'https://a.example/' }, text('a')), type: 'autolink' }))).toBe('[a](https://a.example/)')
  })

  it.each([
    [1, '**x**'],
    [2, '_x_'],
    [4, '~~x~~'],
    [8, '<u>x</u>'],
    [16, '`x`'],
    [32, '<sub>x</sub>'],
    [64, '<sup>x</sup>'],
    [128, '<mark>x</mark>'],
    [256, '<format 256>x</format>'],
    [1 | 2 | 4, '~~_**x**_~~'],
  ])('marks text format %i', (format, expected) => {
    expect(canonical(p(text('x', format)))).toBe(expected)
  })

  it('marks "not" struck through in "Do not take ibuprofen"', () => {
    expect(canonical(p(text('Do not take ibuprofen')))).toBe('Do not take ibuprofen')
    expect(canonical(p(text('Do '), text('not', 4), text(' take ibuprofen')))).toBe('Do ~~not~~ take ibuprofen')
  })

  it('marks an inline style, and reads neighbouring text with one format as one run', () => {
    expect(canonical(p(text('red', 0, 'color: red')))).toBe('<span style="color: red">red</span>')
    expect(canonical(p(text('bo', 1), text('ld', 1), text('')))).toBe(canonical(p(text('bold', 1))))
  })

  it('tells list types apart: bullet, numbered, checklist', () => {
    const items = [item(1, [text('rest')]), item(2, [text('walk')])]
    expect(canonical(list('bullet', ...items))).toBe('- rest\n- walk')
    expect(canonical(list('number', ...items))).toBe('1. rest\n2. walk')
    expect(canonical(list('check', ...items))).toBe('- [ ] rest\n- [ ] walk')
  })

  it('shows a check box ticked', () => {
    expect(canonical(list('check', item(1, [text('rest')], { checked: true })))).toBe('- [x] rest')
  })

  it('shows list nesting by indentation, without a bullet for Lexical’s wrapper item', () => {
    const nested = list('bullet', item(1, [text('rest')]), item(2, [list('bullet', item(1, [text('on your side')]))]))
    expect(canonical(nested)).toBe('- rest\n  - on your side')
    const flat = list('bullet', item(1, [text('rest')]), item(2, [text('on your side')]))
    expect(canonical(flat)).toBe('- rest\n- on your side')
  })

  it('numbers items by their stored value, as the site does', () => {
    expect(canonical(list('number', item(3, [text('rest')])))).toBe('3. rest')
  })

  it('marks the heading level', () => {
    expect(canonical(heading('h2', text('Why')))).toBe('## Why')
    expect(canonical(heading('h3', text('Why')))).toBe('### Why')
  })

  it('marks a quote', () => {
    expect(canonical(quote(text('Rest when you can.')))).toBe('> Rest when you can.')
  })

  it('marks a line break inside a paragraph apart from a space and from a new paragraph', () => {
    const broken = canonical(p(text('Rest.'), { type: 'linebreak', version: 1 }, text('Walk.')))
    expect(broken).toBe('Rest.\\\nWalk.')
    expect(broken).not.toBe(canonical(p(text('Rest. Walk.'))))
    expect(broken).not.toBe(canonical(p(text('Rest.')), p(text('Walk.'))))
  })

  it('shows an upload by collection and id, including its fields', () => {
    const upload = (value: unknown, relationTo = 'media', fields: N | null = null): N => ({
      type: 'upload',
      version: 3,
      format: '',
      id: '65f0',
      relationTo,
      value,
      fields,
    })
    expect(canonical(upload(12))).toBe('[upload: media#12]')
    expect(canonical(upload({ id: 12, url: '/media/a.png' }))).toBe('[upload: media#12]')
    expect(canonical(upload(13))).toBe('[upload: media#13]')
    expect(canonical(upload(12, 'documents'))).toBe('[upload: documents#12]')
    expect(canonical(upload(12, 'media', { alt: 'A spine' }))).toBe('[upload: media#12 {"alt":"A spine"}]')
  })

  it('shows a relationship block and a horizontal rule', () => {
    expect(canonical({ type: 'relationship', relationTo: 'tips', value: 4, version: 2, format: '' })).toBe('[relationship: tips#4]')
    expect(canonical({ type: 'horizontalrule', version: 1 })).toBe('---')
  })

  it('writes out a node type it does not know, fields and children, so it cannot change unseen', () => {
    const callout = (tone: string): N => ({ type: 'callout', version: 1, tone, children: [p(text('Call 999'))] })
    expect(canonical(callout('warning'))).toBe('[callout: {"tone":"warning"}]\n  Call 999')
    expect(canonical(callout('info'))).not.toBe(canonical(callout('warning')))
    expect(canonical(p(text('Ask '), { type: 'mention', version: 1, user: 7 }))).toBe('Ask [mention: {"user":7}]')
    expect(canonical({ type: 'block', version: 2, format: '', fields: { id: 'b1', blockType: 'dose', mg: 400 } })).toBe(
      '[block: {"fields":{"blockType":"dose","id":"b1","mg":400},"format":""}]',
    )
  })

  it('shows alignment and indentation, which the site renders', () => {
    expect(canonical({ ...p(text('Rest.')), format: 'center', indent: 2 })).toBe('Rest. {align: center, indent: 2}')
  })

  it('escapes text that would read as a mark, so different documents never read the same', () => {
    expect(canonical(p(text('Do ~~not~~ take')))).toBe('Do \\~\\~not\\~\\~ take')
    expect(canonical(p(text('## Why')))).not.toBe(canonical(heading('h2', text('Why'))))
    expect(canonical(p(text('1. Rest')))).not.toBe(canonical(list('number', item(1, [text('Rest')]))))
    expect(canonical(p(text('- Rest')))).not.toBe(canonical(list('bullet', item(1, [text('Rest')]))))
    expect(canonical(p(text('[NHS](https://evil.example/)')))).not.toBe(canonical(p(link({ url: 'https://evil.example/' }, text('NHS')))))
    expect(canonical(p(text('a\nb')))).not.toBe(canonical(p(text('a')), p(text('b'))))
  })

  it('marks an empty paragraph, which readers see as a blank line', () => {
    expect(canonical(p(text('Rest.')), p(), p(text('Walk.')))).toBe('Rest.\n[blank line]\nWalk.')
  })

  it('gives nothing for a value that is not rich text, and null past its size or depth limits', () => {
    expect(richTextCanonical(null)).toBe('')
    expect(richTextCanonical({ root: 'x' })).toBe('')
    expect(richTextCanonical(doc(p(text('x'.repeat(200)))), { maxChars: 100 })).toBeNull()
    let deep: N = p(text('deep'))
    for (let i = 0; i < 100; i++) deep = { type: 'callout', children: [deep] }
    expect(richTextCanonical(doc(deep), { maxDepth: 64 })).toBeNull()
    expect(richTextCanonical(doc(deep), { maxDepth: 200 })).toContain('deep')
  })
})
