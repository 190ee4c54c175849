import { describe, expect, it } from 'vitest'
import { decideFeedback, feedbackPriority } from '@/workflow/feedback'

describe('feedback', () => {
  it('drops robots silently, refuses what is malformed, and keeps e-mail only with consent', () => {
    expect(decideFeedback({ helpful: true, website: 'x' }, 10)).toMatchObject({ ok: false, spam: true })
    expect(decideFeedback({ helpful: true }, 0.5)).toMatchObject({ ok: false, spam: true })
    expect(decideFeedback({ helpful: true }, null)).toMatchObject({ ok: true })
    expect(decideFeedback({ helpful: 'no', problem: 'wrong' }, 5)).toMatchObject({
      ok: true,
      feedback: { helpful: false, problem: 'wrong', email: null },
    })
    expect(decideFeedback({ helpful: false, comment: 'x', email: 'a@b.org' }, 5)).toMatchObject({ ok: false, status: 400 })
    expect(decideFeedback({ helpful: false, comment: 'x', email: 'a@b.org', contactConsent: 'on' }, 5)).toMatchObject({
      ok: true,
      feedback: { email: 'a@b.org', contactConsent: true },
    })
    expect(feedbackPriority({ helpful: false, problem: 'wrong' })).toBeLessThan(feedbackPriority({ helpful: false, problem: 'missing' }))
  })
})
