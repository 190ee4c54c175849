import { describe, expect, it } from 'vitest'
import { approvalHold, controlsAnAuthor } from '@/workflow'

const now = new Date('2026-11-29T12:00:00Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()

describe('the approval hold after someone else changed an account', () => {
  it.each([
    ['account_created', 'This account was created by someone else at '],
    ['roles_changed', "This account's roles were changed by someone else at "],
    ['credentials_changed', "This account's credentials were changed by someone else at "],
    ['display_name_changed', "This account's display name was changed by someone else at "],
    ['email_changed', "This account's email address was changed by someone else at "],
    ['password_changed', "This account's password was changed by someone else at "],
    ['password_reset', "This account's password was reset with an e-mailed link by someone else at "],
  ])('holds after %s by another account, for the configured hours, saying so in a whole sentence', (event, opening) => {
    const hold = approvalHold('7', [{ event, actorId: '1', at: hoursAgo(2) }], now, 24)
    expect(hold.held).toBe(true)
    if (hold.held) {
      expect(hold.until.toISOString()).toBe(new Date(now.getTime() + 22 * 3_600_000).toISOString())
      expect(hold.message.startsWith(opening), hold.message).toBe(true)
      expect(hold.message).toMatch(/paused until/)
    }
  })

  it("does not hold for the person's own changes, the server's, or other events", () => {
    expect(approvalHold('7', [{ event: 'credentials_changed', actorId: '7', at: hoursAgo(1) }], now, 24).held).toBe(false)
    expect(approvalHold('7', [{ event: 'account_created', actorId: null, at: hoursAgo(1) }], now, 24).held).toBe(false)
    expect(approvalHold('7', [{ event: 'logins_unlocked', actorId: '1', at: hoursAgo(1) }], now, 24).held).toBe(false)
  })

  it('ends when the hours have passed, and is off at 0 hours', () => {
    expect(approvalHold('7', [{ event: 'roles_changed', actorId: '1', at: hoursAgo(25) }], now, 24).held).toBe(false)
    expect(approvalHold('7', [{ event: 'roles_changed', actorId: '1', at: hoursAgo(1) }], now, 0).held).toBe(false)
  })

  it('counts from the latest holding change', () => {
    const hold = approvalHold(
      '7',
      [
        { event: 'roles_changed', actorId: '1', at: hoursAgo(20) },
        { event: 'password_changed', actorId: '1', at: hoursAgo(3) },
      ],
      now,
      24,
    )
    expect(hold.held && hold.message).toMatch(/password was changed/)
  })
})

describe("the hold on one's own changes", () => {
  it('holds after a person changes their own roles or resets their password by link', () => {
    expect(approvalHold('7', [{ event: 'roles_changed', actorId: '7', at: hoursAgo(1) }], now, 24).held).toBe(true)
    expect(approvalHold('7', [{ event: 'password_reset', actorId: '7', at: hoursAgo(1) }], now, 24).held).toBe(true)
  })

  it('counts an actor whose account was deleted as someone else', () => {
    expect(approvalHold('7', [{ event: 'account_created', actorId: 'deleted:Helper', at: hoursAgo(1) }], now, 24).held).toBe(true)
  })
})

describe('controlled authors', () => {
  it('refuses an approver who created, or set the password, email or roles of, an author', () => {
    for (const event of ['account_created', 'password_changed', 'email_changed', 'roles_changed']) {
      expect(controlsAnAuthor('1', [{ event, actorId: '1', at: hoursAgo(5000), subjectId: '9' }]), event).toBe(true)
    }
    expect(controlsAnAuthor('1', [{ event: 'credentials_changed', actorId: '1', at: hoursAgo(1), subjectId: '9' }])).toBe(false)
    expect(controlsAnAuthor('1', [{ event: 'account_created', actorId: '2', at: hoursAgo(1), subjectId: '9' }])).toBe(false)
    expect(controlsAnAuthor('1', [{ event: 'roles_changed', actorId: '1', at: hoursAgo(1), subjectId: '1' }])).toBe(false)
  })
})
