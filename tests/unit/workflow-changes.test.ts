import { describe, expect, it } from 'vitest'
import { diffWords, summarizeChanges } from '@/workflow'

const tip = { title: 'Rest', slug: 'rest', body: 'Sit down for a moment.', category: 'rest', stage: 'any' }

describe('word diff', () => {
  it('marks removed and added words and keeps the rest', () => {
    expect(diffWords('sit down for a moment', 'sit down for ten minutes')).toEqual([
      { kind: 'same', text: 'sit down for ' },
      { kind: 'removed', text: 'a moment' },
      { kind: 'added', text: 'ten minutes' },
    ])
  })
  it('reports nothing but sameness for equal texts', () => {
    expect(diffWords('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }])
  })
})

describe('change summary', () => {
  it('lists only the fields that changed', () => {
    const summary = summarizeChanges('tips', tip, { ...tip, body: 'Sit down for ten minutes.' })
    expect(summary.fields.map((f) => f.field)).toEqual(['body'])
    expect(summary.fields[0]!.segments).toContainEqual({ kind: 'added', text: 'ten minutes.' })
  })

  it('compares rich text by its words', () => {
    const body = (text: string) => ({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } })
    const article = { title: 'A', body: body('Walk after meals.') }
    const summary = summarizeChanges('articles', article, { ...article, body: body('Walk slowly after meals.') })
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
})
