// Reader feedback over HTTP, under /api/feedback:
//   POST /send               anyone: JSON, or the article page's plain HTML form (answered with a redirect)
//   POST /:id/act            reviewers: { status: "acted_on" | "dismissed", note?, answeredBy?: reviewId }
import type { Endpoint, PayloadRequest } from 'payload'
import { answering, refuseWithoutUser } from '../http/answering'
import { parseJsonObject, readJsonObject, readTextWithin, requireJson } from '../http/request-body'
import { ApiError } from '../http/errors'
import { canonicalId } from '../lib/document-id'
import { actOnFeedback, receiveFeedback } from './service'
import type { FeedbackFormProblem } from '../workflow/feedback'

const MAX_BODY_BYTES = 16 * 1024

const isForm = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')

/** A public endpoint, with a smaller limit than the whole app's. */
async function readBody(req: PayloadRequest, form: boolean): Promise<Record<string, unknown>> {
  const text = await readTextWithin(req, MAX_BODY_BYTES, `The feedback is larger than ${MAX_BODY_BYTES / 1024} KB.`)
  return form
    ? Object.fromEntries(new URLSearchParams(text))
    : parseJsonObject(text, '{ "article": "slug", "helpful": false, "problem": "wrong", "comment": "..." }')
}

/**
 * Where a plain form lands: a page that thanks the reader, or says what to fix. It says it in
 * the site's own words, picked by a code: an address must not be able to put text on the site.
 */
const formAnswer = (slug: string | null, status?: number) => {
  const params = new URLSearchParams()
  if (slug) params.set('article', slug)
  if (status) params.set('problem', FORM_PROBLEMS[status] ?? 'error')
  return new Response(null, { status: 303, headers: { location: `/feedback/sent?${params}` } })
}

const FORM_PROBLEMS: Record<number, FeedbackFormProblem> = { 400: 'invalid', 404: 'not-found', 413: 'too-large', 429: 'too-many' }

export const feedbackEndpoints: Endpoint[] = [
  {
    path: '/send',
    method: 'post',
    handler: async (req) => {
      const form = isForm(req)
      let body: Record<string, unknown> | null = null
      const answer = answering(async (request) => {
        body = await readBody(request, form)
        const outcome = await receiveFeedback(request, body)
        if (!outcome.stored) request.payload.logger.info(`feedback not stored: ${outcome.reason}`)
        if (form) return formAnswer(outcome.slug)
        return Response.json({ received: true }, { status: 201 })
      })
      const response = await answer(req)
      if (form && response.status >= 400) {
        const article = (body as Record<string, unknown> | null)?.article
        return formAnswer(typeof article === 'string' ? article : null, response.status)
      }
      return response
    },
  },
  {
    path: '/:id/act',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to act on feedback.')
      requireJson(req)
      const id = canonicalId(req.routeParams?.id)
      if (id === null) throw new ApiError(404, 'There is no such feedback.')
      return Response.json(await actOnFeedback(req, id, await readJsonObject(req, '{ "status": "acted_on", "answeredBy": 12 }')))
    }),
  },
]
