import { describe, expect, it } from 'vitest'
import { addMonths, canonicalJson, contentHash, dueStatus } from '@/workflow'

const tip = { title: 'Rest', slug: 'rest', body: 'Sit down.', category: 'rest', stage: 'any' }
const article = {
  title: 'A',
  slug: 'a',
  summary: 'S',
  topic: 'T',
  audience: 'patient',
  releaseDate: '2025-01-18T00:00:00.000Z',
  body: { root: { children: [{ text: 'x' }] } },
  references: [{ id: 'row-1', title: 'R', url: 'https://example.org' }],
  disclaimer: 'D',
}
const related = { tips: [{ id: '1', hash: 'aaa' }], warnings: [] }

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }))
  })
  it('keeps array order', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })
})

describe('content hash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(contentHash('tips', tip)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes when any reviewed field changes', () => {
    for (const field of Object.keys(tip)) {
      expect(contentHash('tips', { ...tip, [field]: 'changed' })).not.toBe(contentHash('tips', tip))
    }
  })

  it('ignores bookkeeping: ids of rows, timestamps, status and review metadata', () => {
    const noisy = {
      ...article,
      references: [{ ...article.references[0], id: 'row-2' }],
      id: 9,
      updatedAt: 'now',
      _status: 'draft',
      review: { contentHash: 'x' },
    }
    expect(contentHash('articles', noisy, related)).toBe(contentHash('articles', article, related))
  })

  it('changes when a tip the article shows gets a new approved version', () => {
    const newer = { tips: [{ id: '1', hash: 'bbb' }], warnings: [] }
    expect(contentHash('articles', article, newer)).not.toBe(contentHash('articles', article, related))
  })

  it('changes when tips are reordered', () => {
    const two = {
      tips: [
        { id: '1', hash: 'a' },
        { id: '2', hash: 'b' },
      ],
      warnings: [],
    }
    const swapped = {
      tips: [
        { id: '2', hash: 'b' },
        { id: '1', hash: 'a' },
      ],
      warnings: [],
    }
    expect(contentHash('articles', article, two)).not.toBe(contentHash('articles', article, swapped))
  })
})

describe('review schedule', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths(new Date('2025-01-31T10:00:00Z'), 1).toISOString()).toBe('2025-02-28T10:00:00.000Z')
    expect(addMonths(new Date('2025-03-15T00:00:00Z'), 12).toISOString()).toBe('2026-03-15T00:00:00.000Z')
  })
  it('classifies due dates', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(dueStatus('2025-12-31T00:00:00Z', now)).toBe('overdue')
    expect(dueStatus('2026-01-20T00:00:00Z', now)).toBe('due_soon')
    expect(dueStatus('2026-06-01T00:00:00Z', now)).toBe('current')
    expect(dueStatus(null, now)).toBe('current')
  })
})
