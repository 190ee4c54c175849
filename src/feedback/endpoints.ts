// Reader feedback over HTTP, under /api/feedback:
//   POST /send               anyone: JSON, or the article page's plain HTML form (answered with a redirect)
//   POST /:id/act            reviewers: { status: "acted_on" | "dismissed", note?, answeredBy?: reviewId }
import type { Endpoint, PayloadRequest } from 'payload'
import { answering, refuseWithoutUser } from '../review/endpoints'
import { readJsonObject } from '../review/request-body'
import { WorkflowError } from '../review/errors'
import { canonicalId } from '../lib/document-id'
import { actOnFeedback, receiveFeedback } from './service'

const MAX_FORM_BYTES = 16 * 1024

const isForm = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')

async function readForm(req: PayloadRequest): Promise<Record<string, unknown>> {
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_FORM_BYTES) throw new WorkflowError(413, 'The feedback is too large.')
  return Object.fromEntries(new URLSearchParams(text))
}

/** Where a plain form lands: a page that thanks the reader, or says what to fix. */
const formAnswer = (slug: string | null, problem?: string) => {
  const params = new URLSearchParams()
  if (slug) params.set('article', slug)
  if (problem) params.set('problem', problem.slice(0, 300))
  return new Response(null, { status: 303, headers: { location: `/feedback/sent?${params}` } })
}

export const feedbackEndpoints: Endpoint[] = [
  {
    path: '/send',
    method: 'post',
    handler: async (req) => {
      const form = isForm(req)
      const body = form ? await readForm(req).catch(() => ({}) as Record<string, unknown>) : null
      const answer = answering(async (request) => {
        const outcome = await receiveFeedback(request, body ?? (await readJsonObject(request, '{ "article": "slug", "helpful": false, "problem": "wrong", "comment": "..." }')))
        if (!outcome.stored) request.payload.logger.info(`feedback not stored: ${outcome.reason}`)
        if (form) return formAnswer(outcome.slug)
        return Response.json({ received: true }, { status: 201 })
      })
      const response = await answer(req)
      if (form && response.status >= 400) {
        const message = ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message
        return formAnswer(typeof body?.article === 'string' ? body.article : null, message ?? 'Something went wrong.')
      }
      return response
    },
  },
  {
    path: '/:id/act',
    method: 'post',
    handler: answering(async (req) => {
      if (!req.user) await refuseWithoutUser(req, 'Log in to act on feedback.')
      const id = canonicalId(req.routeParams?.id)
      if (id === null) throw new WorkflowError(404, 'There is no such feedback.')
      return Response.json(await actOnFeedback(req, id, await readJsonObject(req, '{ "status": "acted_on", "answeredBy": 12 }')))
    }),
  },
]
