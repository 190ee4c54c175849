import { describe, expect, it } from 'vitest'
import { groupTopics, topicSlug } from '@/workflow/topics'

describe('topics', () => {
  it('reach readers by a slug, and names differing only in case or punctuation share a page', () => {
    expect(topicSlug('Back care')).toBe('back-care')
    expect(topicSlug('<b>Topic</b>')).toBe('b-topic-b')
    expect(topicSlug('腰痛')).toMatch(/^topic-[0-9a-f]{10}$/)
    expect(topicSlug('腰痛')).not.toBe(topicSlug('妊娠'))
    const grouped = groupTopics([
      { topic: 'Sleep', count: 2 },
      { topic: 'back care', count: 1 },
      { topic: 'Back Care', count: 3 },
      { topic: 'Drafts only', count: 0 },
    ])
    expect(grouped).toEqual([
      { slug: 'back-care', name: 'back care', names: ['back care', 'Back Care'], count: 4 },
      { slug: 'sleep', name: 'Sleep', names: ['Sleep'], count: 2 },
    ])
  })
})
