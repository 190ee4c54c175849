import { describe, expect, it } from 'vitest'
import { blockingIssues, structureIssues } from '@/workflow/content-structure'

describe('content structure', () => {
  const text = (value: string) => ({ type: 'text', text: value })
  const doc = (...children: object[]) => ({ root: { type: 'root', children } })
  it('finds skipped heading levels, an h1, vague or bare link texts and images without alt text', () => {
    const issues = structureIssues(
      doc(
        { type: 'heading', tag: 'h2', children: [text('Fine')] },
        { type: 'heading', tag: 'h4', children: [text('Skipped')] },
        { type: 'heading', tag: 'h1', children: [text('Second title')] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('Read more')] }] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('https://a.example/x')] }] },
        { type: 'paragraph', children: [{ type: 'link', fields: { url: 'https://a' }, children: [text('NHS advice on back pain')] }] },
        { type: 'upload', value: { alt: '' } },
        { type: 'upload', value: { alt: 'A pregnant woman stretching' } },
      ),
    )
    expect(issues.map((issue) => issue.check)).toEqual(['heading_order', 'heading_order', 'link_text', 'link_text', 'image_alt'])
    expect(blockingIssues(issues, ['image_alt']).map((issue) => issue.check)).toEqual(['image_alt'])
  })
})
