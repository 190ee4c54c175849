// Reader feedback (PIF TICK; NHS standard: user feedback acted on). Anyone may say
// whether a page helped and what was missing or wrong: no account, and no personal data unless
// the reader chooses to leave an e-mail address and consents to being contacted about it.
// Spam is kept out without third parties: a hidden field people never fill, a minimum time on
// the form, a cap on web addresses, and a rate limit per address (the wiring). Pure rules.

export const FEEDBACK_PROBLEMS = ['missing', 'wrong', 'unclear'] as const
export type FeedbackProblem = (typeof FEEDBACK_PROBLEMS)[number]
export const FEEDBACK_PROBLEM_LABEL: Record<FeedbackProblem, string> = {
  missing: 'Something is missing',
  wrong: 'Something is wrong',
  unclear: 'Something is hard to understand',
}

export const FEEDBACK_STATUSES = ['new', 'acted_on', 'dismissed'] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

export const MAX_FEEDBACK_LENGTH = 2000
export const MAX_LINKS_IN_FEEDBACK = 2
/** People take longer than this to read a page and answer; scripts that post at once do not. */
export const MIN_SECONDS_ON_FORM = 2
/** Per source address. */
export const FEEDBACK_PER_WINDOW = 5
export const FEEDBACK_WINDOW_SECONDS = 10 * 60

export type FeedbackInput = {
  helpful: boolean
  problem: FeedbackProblem | null
  comment: string | null
  email: string | null
  contactConsent: boolean
}

export type FeedbackDecision =
  | { ok: true; feedback: FeedbackInput }
  /** Looks automated: answered like a success, never stored. */
  | { ok: false; spam: true; reason: string }
  | { ok: false; spam: false; status: 400; message: string }

const EMAIL = /^[^\s@<>()"',;]{1,64}@[^\s@<>()"',;]+\.[^\s@<>()"',;]{2,}$/
const LINK = /(https?:\/\/|www\.)\S+/gi

const refuse = (message: string): FeedbackDecision => ({ ok: false, spam: false, status: 400, message })

export function decideFeedback(body: Record<string, unknown>, secondsOnForm: number | null): FeedbackDecision {
  if (typeof body.website === 'string' && body.website.trim() !== '') return { ok: false, spam: true, reason: 'hidden field filled' }
  if (secondsOnForm != null && secondsOnForm < MIN_SECONDS_ON_FORM) return { ok: false, spam: true, reason: 'sent too fast' }
  const helpful = body.helpful === true || body.helpful === 'yes' ? true : body.helpful === false || body.helpful === 'no' ? false : null
  if (helpful === null) return refuse('Say whether the page helped: "helpful" is yes or no.')
  const problem = body.problem == null || body.problem === '' ? null : body.problem
  if (problem !== null && !FEEDBACK_PROBLEMS.includes(problem as FeedbackProblem))
    return refuse(`"problem" is one of ${FEEDBACK_PROBLEMS.join(', ')}.`)
  if (body.comment != null && typeof body.comment !== 'string') return refuse('"comment" must be text.')
  const comment = typeof body.comment === 'string' ? body.comment.trim() : ''
  if (comment.length > MAX_FEEDBACK_LENGTH) return refuse(`The comment is longer than ${MAX_FEEDBACK_LENGTH} characters.`)
  if ((comment.match(LINK) ?? []).length > MAX_LINKS_IN_FEEDBACK)
    return refuse(`A comment may hold at most ${MAX_LINKS_IN_FEEDBACK} web addresses.`)
  if (!helpful && problem === null && !comment) return refuse('Tell us what was missing or wrong.')
  if (body.email != null && typeof body.email !== 'string') return refuse('"email" must be text.')
  const email = typeof body.email === 'string' ? body.email.trim() : ''
  if (email && (email.length > 254 || !EMAIL.test(email))) return refuse('That e-mail address does not look right.')
  const consent = body.contactConsent === true || body.contactConsent === 'yes' || body.contactConsent === 'on'
  if (email && !consent) return refuse('To leave an e-mail address, agree that we may contact you about this feedback.')
  return {
    ok: true,
    feedback: {
      helpful,
      problem: problem as FeedbackProblem | null,
      comment: comment || null,
      email: email || null,
      contactConsent: Boolean(email) && consent,
    },
  }
}

/** Staff see reports of something wrong first, then other unhelpful answers, newest first within each. */
export function feedbackPriority(item: { helpful: boolean; problem: FeedbackProblem | null }): number {
  if (item.problem === 'wrong') return 0
  if (!item.helpful) return 1
  return 2
}

/** Why the plain HTML form was not accepted, as the page it lands on says it (never the request's own text). */
export const FEEDBACK_FORM_PROBLEMS = {
  invalid:
    'Please say whether the page helped, and what was missing or wrong. A comment may hold at most 2 web addresses, and an e-mail address needs your agreement to be contacted.',
  'not-found': 'We could not find that page: it may have been retired.',
  'too-large': 'That was too long: please keep feedback under 2,000 characters.',
  'too-many': 'Thank you, we have your earlier feedback. Please try again in a few minutes.',
  error: 'Something went wrong. Please try again.',
} as const
export type FeedbackFormProblem = keyof typeof FEEDBACK_FORM_PROBLEMS
