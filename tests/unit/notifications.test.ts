import { describe, expect, it } from 'vitest'
import { approvalOverdue, audience, composeDigest, composeMail, dedupeKey, reviewersToAsk } from '@/workflow/notifications'
import { parseFrom, smtpServer } from '@/notifications/mail-transport'

describe('who is told', () => {
  const people = [
    { id: '1', roles: ['reviewer'], delivery: 'immediate' as const },
    { id: '2', roles: ['reviewer'], delivery: 'digest' as const },
    { id: '3', roles: ['reviewer'], delivery: 'off' as const },
    { id: '4', roles: ['editor'], delivery: null },
    { id: '1', roles: ['reviewer'], delivery: 'immediate' as const },
  ]

  it('splits people by how they want to hear, never the actor, never twice, nobody who turned mail off', () => {
    expect(audience(people, null)).toEqual({ immediate: ['1', '4'], digest: ['2'] })
    expect(audience(people, '1')).toEqual({ immediate: ['4'], digest: ['2'] })
  })

  it('asks reviewers only: the assignees who still can, else everyone who can; never an author or someone who already approved', () => {
    const ask = (options: Parameters<typeof reviewersToAsk>[1]) => reviewersToAsk(people.slice(0, 4), options).map((p) => p.id)
    expect(ask({ assignees: [], authors: [] })).toEqual(['1', '2', '3'])
    expect(ask({ assignees: [], authors: ['2'], approvedBy: ['1'] })).toEqual(['3'])
    expect(ask({ assignees: ['2', '4'], authors: [] })).toEqual(['2'])
    // Every assignee approved (or cannot): the sign-off still needs someone, so every reviewer who can.
    expect(ask({ assignees: ['2'], authors: [], approvedBy: ['2'] })).toEqual(['1', '3'])
    expect(ask({ assignees: ['2'], authors: ['2'] })).toEqual(['1', '3'])
  })

  it('reminds after two full days', () => {
    const now = new Date('2026-11-29T12:00:00Z')
    expect(approvalOverdue('2026-11-27T12:00:01Z', now)).toBe(false)
    expect(approvalOverdue('2026-11-27T12:00:00Z', now)).toBe(true)
  })

  it('keys each occasion per person', () => {
    expect(dedupeKey('review_due', '7', 'tips:3', '2027-01-01')).not.toBe(dedupeKey('review_due', '8', 'tips:3', '2027-01-01'))
    expect(dedupeKey('review_due', '7', 'tips:3', '2027-01-01')).not.toBe(dedupeKey('review_overdue', '7', 'tips:3', '2027-01-01'))
  })
})

describe('what a mail says', () => {
  const facts = {
    kind: 'submitted' as const,
    title: 'Fever <script>\nin   children',
    noun: 'article',
    actorName: 'Emma',
    link: 'https://vetted.example/admin/collections/articles/4',
  }

  it('names the document on one line, says what to do and links to it', () => {
    const mail = composeMail(facts)
    expect(mail.subject).toBe('Vetted: Submitted for review: Fever <script> in children')
    expect(mail.text).toContain('Emma submitted this article for medical review')
    expect(mail.text).toContain('Open it: https://vetted.example/admin/collections/articles/4')
    expect(mail.html).toContain('<strong>Fever &lt;script&gt; in children</strong>')
    expect(mail.html).not.toContain('<script>')
  })

  it('bounds a long title', () => {
    expect(composeMail({ ...facts, title: 'x'.repeat(500) }).subject.length).toBeLessThan(200)
  })

  it('gathers a digest, oldest first, with each link and a way to change the setting', () => {
    const mail = composeDigest(
      [facts, { ...facts, kind: 'review_overdue', title: 'Asthma', detail: 'Review was due 2026-11-01.' }],
      'https://vetted.example/admin/account',
    )
    expect(mail.subject).toBe('Vetted: 2 updates for you today')
    expect(mail.text.indexOf('Fever')).toBeLessThan(mail.text.indexOf('Asthma'))
    expect(mail.text).toContain('Review was due 2026-11-01.')
    expect(mail.text).toContain('https://vetted.example/admin/account')
    expect(mail.html).not.toContain('<script>')
  })
})

describe('mail settings', () => {
  it('reads MAIL_FROM as an address or "Name <address>", and refuses anything else', () => {
    expect(parseFrom(undefined)).toEqual({ name: 'Vetted', address: 'no-reply@localhost' })
    expect(parseFrom('review@clinic.example')).toEqual({ name: 'Vetted', address: 'review@clinic.example' })
    expect(parseFrom('"Clinic reviews" <review@clinic.example>')).toEqual({ name: 'Clinic reviews', address: 'review@clinic.example' })
    expect(() => parseFrom('not an address')).toThrow(/MAIL_FROM/)
  })

  it('reads SMTP_URL with its credentials, TLS and default ports', () => {
    expect(smtpServer('smtp://mail.example:2525')).toEqual({ host: 'mail.example', port: 2525, secure: false })
    expect(smtpServer('smtps://me%40x.example:p%3Ass@mail.example')).toEqual({
      host: 'mail.example',
      port: 465,
      secure: true,
      auth: { user: 'me@x.example', pass: 'p:ss' },
    })
    expect(smtpServer('smtp://mail.example').port).toBe(587)
    expect(() => smtpServer('http://mail.example')).toThrow(/smtp:\/\//)
    expect(() => smtpServer('nonsense')).toThrow(/SMTP_URL/)
  })
})
