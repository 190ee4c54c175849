import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ChangeSummaryView } from '@/admin/ChangeSummaryView'
import { DIFF_LIMITS, diffText, summarizeChanges, type ChangeSummary } from '@/workflow'

const tip = { title: 'Rest', slug: 'rest', body: 'Sit down for a moment.', category: 'rest', stage: 'any' }

// Lexical JSON, as the editor stores it.
type N = Record<string, unknown>
const text = (value: string, format = 0): N => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const p = (...children: N[]): N => ({ type: 'paragraph', format: '', indent: 0, version: 1, children })
const link = (url: string, newTab: boolean, ...children: N[]): N => ({
  type: 'link',
  fields: { url, newTab, linkType: 'custom' },
  children,
})
const list = (listType: string, ...children: N[]): N => ({ type: 'list', listType, tag: listType === 'number' ? 'ol' : 'ul', children })
const item = (children: N[], extra: N = {}): N => ({ type: 'listitem', value: 1, children, ...extra })
const body = (...children: N[]) => ({ root: { type: 'root', children } })

describe('word diff', () => {
  it('marks removed and added words and keeps the rest', () => {
    expect(diffText('sit down for a moment', 'sit down for ten minutes')).toEqual([
      { kind: 'same', text: 'sit down for ' },
      { kind: 'removed', text: 'a moment' },
      { kind: 'added', text: 'ten minutes' },
    ])
  })
  it('reports nothing but sameness for equal texts', () => {
    expect(diffText('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }])
  })
})

describe('change summary', () => {
  it('lists only the fields that changed', () => {
    const summary = summarizeChanges('tips', tip, { ...tip, body: 'Sit down for ten minutes.' })
    expect(summary.fields.map((f) => f.field)).toEqual(['body'])
    expect(summary.fields[0]!.segments).toContainEqual({ kind: 'added', text: 'ten minutes.' })
  })

  it('compares rich text by its words', () => {
    const article = { title: 'A', body: body(p(text('Walk after meals.'))) }
    const summary = summarizeChanges('articles', article, { ...article, body: body(p(text('Walk slowly after meals.'))) })
    expect(summary.fields[0]).toMatchObject({ field: 'body' })
    expect(summary.fields[0]!.segments).toContainEqual({ kind: 'added', text: 'slowly ' })
  })

  it('calls out tips and warnings added, removed or reordered', () => {
    const before = { title: 'A', tips: [1, 2, 3], warnings: [7] }
    const summary = summarizeChanges('articles', before, { title: 'A', tips: [3, 2, 4], warnings: [] })
    expect(summary.relations).toEqual([
      { field: 'warnings', added: [], removed: ['7'], reordered: false },
      { field: 'tips', added: ['4'], removed: ['1'], reordered: true },
    ])
  })

  it('treats a never-approved document as all new', () => {
    const summary = summarizeChanges('tips', null, tip)
    expect(summary.isNew).toBe(true)
    expect(summary.fields.length).toBe(5)
  })

  it('shows a changed reference URL', () => {
    const ref = { title: 'Ibuprofen', publisher: 'NHS', year: 2024 }
    const before = { title: 'A', references: [{ ...ref, url: 'https://www.nhs.uk/medicines/ibuprofen/' }] }
    const summary = summarizeChanges('articles', before, { title: 'A', references: [{ ...ref, url: 'https://evil.example/ibuprofen/' }] })
    expect(summary.fields).toEqual([
      {
        field: 'references',
        segments: [
          { kind: 'same', text: 'Ibuprofen, NHS, 2024, ' },
          { kind: 'removed', text: 'https://www.nhs.uk/medicines/ibuprofen/' },
          { kind: 'added', text: 'https://evil.example/ibuprofen/' },
        ],
      },
    ])
  })
})

describe('change summary: every change a reader would see', () => {
  const upload = (value: number, relationTo = 'media'): N => ({ type: 'upload', version: 3, format: '', relationTo, value, fields: null })
  // Each pair reads the same in plain words: only the canonical form tells them apart.
  const cases: [kind: string, before: N[], after: N[], removed: string, added: string][] = [
    [
      'link URL',
      [p(link('https://www.nhs.uk/x', false, text('NHS')))],
      [p(link('https://evil.example/x', false, text('NHS')))],
      'https://www.nhs.uk/x',
      'https://evil.example/x',
    ],
    [
      'link new tab',
      [p(link('https://www.nhs.uk/', false, text('NHS')))],
      [p(link('https://www.nhs.uk/', true, text('NHS')))],
      '',
      '{new tab}',
    ],
    [
      'strikethrough on "not"',
      [p(text('Do not take ibuprofen'))],
      [p(text('Do '), text('not', 4), text(' take ibuprofen'))],
      'not',
      '~~not~~',
    ],
    ['bold', [p(text('Call 999'))], [p(text('Call 999', 1))], 'Call 999', '**Call 999**'],
    ['italic', [p(text('rest'))], [p(text('rest', 2))], 'rest', '_rest_'],
    ['underline', [p(text('rest'))], [p(text('rest', 8))], 'rest', '<u>rest</u>'],
    ['code', [p(text('400mg'))], [p(text('400mg', 16))], '400mg', '`400mg`'],
    ['list type', [list('bullet', item([text('rest')]))], [list('number', item([text('rest')]))], '-', '1.'],
    [
      'check state',
      [list('check', item([text('rest')], { checked: false }))],
      [list('check', item([text('rest')], { checked: true }))],
      '[ ]',
      '[x]',
    ],
    [
      'list nesting',
      [list('bullet', item([text('rest')]), item([text('sleep')]))],
      [list('bullet', item([text('rest')]), item([list('bullet', item([text('sleep')]))]))],
      '',
      '  ',
    ],
    [
      'heading level',
      [{ type: 'heading', tag: 'h2', children: [text('Why')] }],
      [{ type: 'heading', tag: 'h3', children: [text('Why')] }],
      '##',
      '###',
    ],
    ['quote', [p(text('Rest.'))], [{ type: 'quote', children: [text('Rest.')] }], '', '>'],
    ['line break', [p(text('Rest. Walk.'))], [p(text('Rest.'), { type: 'linebreak' }, text('Walk.'))], 'Rest.', 'Rest.\\'],
    ['upload', [upload(12)], [upload(13)], 'media#12', 'media#13'],
    ['upload collection', [upload(12)], [upload(12, 'documents')], 'media#12', 'documents#12'],
    [
      'relationship',
      [p(text('See'))],
      [p(text('See')), { type: 'relationship', relationTo: 'tips', value: 4 }],
      '',
      '[relationship: tips#4]',
    ],
    ['horizontal rule', [p(text('a')), p(text('b'))], [p(text('a')), { type: 'horizontalrule' }, p(text('b'))], '', '---'],
    [
      'unknown node',
      [{ type: 'callout', tone: 'info', children: [] }],
      [{ type: 'callout', tone: 'warning', children: [] }],
      'info',
      'warning',
    ],
  ]

  it.each(cases)('shows a change of %s', (_kind, was, now, removed, added) => {
    const summary = summarizeChanges('articles', { title: 'A', body: body(...was) }, { title: 'A', body: body(...now) })
    expect(summary.fields.map((f) => f.field)).toEqual(['body'])
    const segments = summary.fields[0]!.segments
    const of = (kind: string) =>
      segments
        .filter((s) => s.kind === kind)
        .map((s) => s.text)
        .join('|')
    expect(of('removed')).toContain(removed)
    expect(of('added')).toContain(added)
    expect(of('added') + of('removed')).not.toBe('')
  })

  it('shows no change when only bookkeeping differs', () => {
    const was = body(p(text('Rest.')))
    const now = body({ ...p(text('Re'), text('st.')), version: 2, direction: null })
    expect(summarizeChanges('articles', { title: 'A', body: was }, { title: 'A', body: now }).fields).toEqual([])
  })
})

describe('change summary limits', () => {
  const paragraphs = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => p(text(Array.from({ length: 100 }, (_, j) => `${prefix}${(i * 7 + j * 13) % 997}`).join(' '))))

  it('says a body too different to summarise is too large', () => {
    const started = performance.now()
    const summary = summarizeChanges('articles', { body: body(...paragraphs('zq', 200)) }, { body: body(...paragraphs('xv', 200)) })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(summary.fields).toEqual([{ field: 'body', tooLarge: true, segments: [] }])
  })

  it('diffs small fields first, so a body that spends the whole budget cannot crowd out the disclaimer after it', () => {
    const limits = { ...DIFF_LIMITS, maxEdits: 1_000_000, maxWork: 100_000 }
    const before = { body: body(...paragraphs('zq', 200)), disclaimer: 'For reference only.' }
    const summary = summarizeChanges('articles', before, { body: body(...paragraphs('xv', 200)), disclaimer: 'For reference.' }, limits)
    expect(summary.fields).toEqual([
      { field: 'body', tooLarge: true, segments: [] },
      {
        field: 'disclaimer',
        segments: [
          { kind: 'same', text: 'For ' },
          { kind: 'removed', text: 'reference only.' },
          { kind: 'added', text: 'reference.' },
        ],
      },
    ])
  })

  it('says a field too large to render is too large, without throwing', () => {
    const limits = { ...DIFF_LIMITS, maxChars: 1000 }
    const summary = summarizeChanges('articles', { body: body(...paragraphs('zq', 20)) }, { body: body(...paragraphs('xv', 20)) }, limits)
    expect(summary.fields).toEqual([{ field: 'body', tooLarge: true, segments: [] }])
    const same = summarizeChanges('articles', { body: body(...paragraphs('zq', 20)) }, { body: body(...paragraphs('zq', 20)) }, limits)
    expect(same.fields).toEqual([])
  })

  it('never throws, even on rich text nested past any limit', () => {
    let deep: N = p(text('deep'))
    for (let i = 0; i < 20_000; i++) deep = { type: 'callout', children: [deep] }
    const summary = summarizeChanges('articles', { title: 'A', body: body(p(text('x'))) }, { title: 'A', body: body(deep) })
    expect(summary.fields).toEqual([{ field: 'body', tooLarge: true, segments: [] }])
  })
})

describe('change summary panel', () => {
  const render = (changes: ChangeSummary, compareUrl: string | null = '/admin/compare') =>
    renderToStaticMarkup(createElement(ChangeSummaryView, { changes, titles: {}, compareUrl }))

  it('marks added and removed words in each field', () => {
    const html = render(summarizeChanges('tips', tip, { ...tip, body: 'Sit down for ten minutes.' }))
    expect(html).toContain('data-field="body"')
    expect(html).toContain('<del>a moment.</del><ins>ten minutes.</ins>')
  })

  it('points to the full comparison for a field too large to summarise', () => {
    const changes: ChangeSummary = { isNew: false, fields: [{ field: 'body', tooLarge: true, segments: [] }], relations: [] }
    const html = render(changes)
    expect(html).toContain('data-field="body"')
    expect(html.replace(/<[^>]+>/g, '')).toContain('Too large to summarise: open the full comparison')
    expect(html).toContain('<a href="/admin/compare">open the full comparison</a>')
    expect(html).not.toContain('No changes in the reviewed fields')
  })
})
