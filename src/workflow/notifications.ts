// Who is told what, and what the mail says. Pure rules (no Payload, no I/O).
//
// Mail is not a secure channel: a notification names the document by its title and says what
// to do, with a link into the admin. It never carries medical text, comments or diffs.

export const NOTIFICATION_KINDS = [
  'assigned',
  'submitted',
  'changes_requested',
  'approved',
  'retired',
  'approval_needed',
  'review_due',
  'review_overdue',
  'registration_lapsing',
  'went_live',
  'go_live_cancelled',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const DELIVERIES = ['immediate', 'digest', 'off'] as const
export type Delivery = (typeof DELIVERIES)[number]

export const DELIVERY_LABEL: Record<Delivery, string> = {
  immediate: 'Each e-mail as it happens',
  digest: 'One daily digest',
  off: 'No e-mail',
}

/** Days a submission may wait, short of its sign-off, before its reviewers are reminded. */
export const APPROVAL_REMINDER_DAYS = 2
/** Days ahead of a review due date, or of a registration lapsing, that people are told. */
export const HEADS_UP_DAYS = 30

export type Candidate = { id: string; roles: readonly string[] | null; delivery?: Delivery | null }
export type Audience = { immediate: string[]; digest: string[] }

/**
 * Splits the people to tell by how they want to hear: never the person who acted, never twice,
 * nobody who turned mail off.
 */
export function audience(candidates: readonly Candidate[], actorId: string | null): Audience {
  const result: Audience = { immediate: [], digest: [] }
  const seen = new Set<string>()
  for (const person of candidates) {
    if (person.id === actorId || seen.has(person.id)) continue
    seen.add(person.id)
    const delivery = person.delivery ?? 'immediate'
    if (delivery === 'off') continue
    result[delivery].push(person.id)
  }
  return result
}

const isReviewer = (person: Candidate) => person.roles?.includes('reviewer') ?? false

/**
 * Reviewers to ask for a review: the assignees who can still approve it, else (nobody
 * assigned, or every assignee has approved and the sign-off still needs more) every reviewer
 * who can; never someone who wrote the version nor someone who already approved it.
 */
export function reviewersToAsk(
  people: readonly Candidate[],
  { assignees, authors, approvedBy = [] }: { assignees: readonly string[]; authors: readonly string[]; approvedBy?: readonly string[] },
): Candidate[] {
  const excluded = new Set([...authors, ...approvedBy])
  const eligible = people.filter((person) => isReviewer(person) && !excluded.has(person.id))
  const assigned = new Set(assignees)
  const asked = eligible.filter((person) => assigned.has(person.id))
  return asked.length > 0 ? asked : eligible
}

/** Whether a submission still short of its sign-off has waited long enough for a reminder. */
export function approvalOverdue(submittedAt: string | Date, now: Date): boolean {
  return now.getTime() - new Date(submittedAt).getTime() >= APPROVAL_REMINDER_DAYS * 86_400_000
}

/**
 * The key that makes a notification happen once: per person, kind, document and occasion (a
 * round's submission time, a due date, a registration's expiry).
 */
export const dedupeKey = (kind: NotificationKind, recipient: string, subject: string, occasion: string) =>
  `${kind}|${subject}|${occasion}|${recipient}`

export type NotificationFacts = {
  kind: NotificationKind
  /** The document's title, or for a registration the body and number. */
  title: string
  /** "article", "tip" or "warning"; absent for a registration. */
  noun?: string | null
  /** Who did it, where someone did. */
  actorName?: string | null
  /** A short fact without medical text: "1 of 2 approvals", a due date. */
  detail?: string | null
  /** Where to act: the document in the admin, or the person's account. */
  link: string
}

const SUBJECT: Record<NotificationKind, (facts: NotificationFacts) => string> = {
  assigned: (f) => `Please review the ${f.noun}: ${f.title}`,
  submitted: (f) => `Submitted for review: ${f.title}`,
  changes_requested: (f) => `Changes requested: ${f.title}`,
  approved: (f) => `Approved and live: ${f.title}`,
  retired: (f) => `Retired: ${f.title}`,
  approval_needed: (f) => `Your approval is still needed: ${f.title}`,
  review_due: (f) => `Review due soon: ${f.title}`,
  review_overdue: (f) => `Review overdue: ${f.title}`,
  registration_lapsing: (f) => `Your registration lapses soon: ${f.title}`,
  went_live: (f) => `Live now: ${f.title}`,
  go_live_cancelled: (f) => `Not live: the scheduled go-live of ${f.title} was cancelled`,
}

const WHAT_TO_DO: Record<NotificationKind, (facts: NotificationFacts) => string> = {
  assigned: (f) =>
    `${f.actorName ?? 'Someone'} asked you to review this ${f.noun}. Open it, read what changed, and approve it or request changes.`,
  submitted: (f) =>
    `${f.actorName ?? 'An editor'} submitted this ${f.noun} for medical review. Open it, read what changed, and approve it or request changes.`,
  changes_requested: (f) =>
    `${f.actorName ?? 'A reviewer'} requested changes to this ${f.noun}. Read the comments in the review panel, revise it and submit it again.`,
  approved: (f) => `${f.actorName ?? 'A reviewer'} gave the approval that made this ${f.noun} live. Readers now see the approved version.`,
  retired: (f) => `${f.actorName ?? 'A reviewer'} retired this ${f.noun}: readers no longer see it.`,
  approval_needed: (f) =>
    `This ${f.noun} has waited ${APPROVAL_REMINDER_DAYS} days or more and is not signed off yet. Open it and approve it or request changes.`,
  review_due: (f) => `This ${f.noun} is due for its clinical review. Review it before the due date, or it will be listed as overdue.`,
  review_overdue: (f) => `This ${f.noun} is past its review date. Review it as soon as you can.`,
  registration_lapsing: () =>
    `Renew your registration, then ask an admin to record the new expiry date. While no registration is current you cannot approve content.`,
  went_live: () => `The approved version went live as planned: readers now see it.`,
  go_live_cancelled: () =>
    `Something changed after the approval, so nothing went live. Open it to see why, then have it approved again and choose a new time.`,
}

export type Mail = { subject: string; text: string; html: string }

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Titles come from editors: one line, bounded, so a subject cannot carry a paragraph. */
const oneLine = (text: string, max = 140) => {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

export function composeMail(facts: NotificationFacts): Mail {
  const f = { ...facts, title: oneLine(facts.title) }
  const subject = `Vetted: ${SUBJECT[f.kind](f)}`
  const lines = [WHAT_TO_DO[f.kind](f), ...(f.detail ? [oneLine(f.detail, 200)] : [])]
  const text = [f.title, '', ...lines, '', `Open it: ${f.link}`, '', FOOTER].join('\n')
  const html = [
    `<p><strong>${escapeHtml(f.title)}</strong></p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(f.link)}">Open it in Vetted</a></p>`,
    `<p style="color:#555;font-size:small">${escapeHtml(FOOTER)}</p>`,
  ].join('\n')
  return { subject, text, html }
}

/** One mail for a day's notifications, oldest first. */
export function composeDigest(items: readonly NotificationFacts[], settingsLink: string): Mail {
  const count = items.length
  const subject = `Vetted: ${count} update${count === 1 ? '' : 's'} for you today`
  const entries = items.map((item) => {
    const f = { ...item, title: oneLine(item.title) }
    return { heading: SUBJECT[f.kind](f), detail: f.detail ? oneLine(f.detail, 200) : null, link: f.link }
  })
  const text = [
    `Your daily digest from Vetted (${count} update${count === 1 ? '' : 's'}):`,
    '',
    ...entries.flatMap((entry) => [`- ${entry.heading}`, ...(entry.detail ? [`  ${entry.detail}`] : []), `  ${entry.link}`]),
    '',
    `Choose how you hear from Vetted: ${settingsLink}`,
    FOOTER,
  ].join('\n')
  const html = [
    `<p>Your daily digest from Vetted (${count} update${count === 1 ? '' : 's'}):</p>`,
    '<ul>',
    ...entries.map(
      (entry) =>
        `<li><a href="${escapeHtml(entry.link)}">${escapeHtml(entry.heading)}</a>${entry.detail ? `<br>${escapeHtml(entry.detail)}` : ''}</li>`,
    ),
    '</ul>',
    `<p><a href="${escapeHtml(settingsLink)}">Choose how you hear from Vetted</a></p>`,
    `<p style="color:#555;font-size:small">${escapeHtml(FOOTER)}</p>`,
  ].join('\n')
  return { subject, text, html }
}

const FOOTER = 'This message names the content only: read it in Vetted, never in e-mail.'
