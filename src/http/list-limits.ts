// A list over the REST API asks for one page of at most MAX_PAGE_SIZE documents. Payload
// reads `limit=0` and `pagination=false` as "every row": at 10,000 articles with their
// relations, that is one stranger's request holding the server's memory and the database.
// Checked on the request itself, so the server's own reads (the Local API, also when it
// runs inside an API request) are not limited. GraphQL has its own cost rule.

/** The most documents one request may list (Payload's admin offers up to 100 a page). */
export const MAX_PAGE_SIZE = 100
/** The highest page number asked for (its offset, at 100 a page, stays an ordinary integer). */
export const MAX_PAGE_NUMBER = 1_000_000

/**
 * What is wrong with a page number, or null when it is a whole number from 1 to
 * MAX_PAGE_NUMBER (PostgreSQL refuses a negative offset: a 500 before this check).
 */
export function pageNumberProblem(page: unknown): string | null {
  const number = typeof page === 'string' && /^\d+$/.test(page) ? Number(page) : page
  if (typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= MAX_PAGE_NUMBER) return null
  return `"page" is a whole number from 1 to ${MAX_PAGE_NUMBER}.`
}

/** The refusal for a request's list parameters, or null when they ask for one bounded page. */
export function unboundedListRefusal(url: URL): string | null {
  const [collection] = url.pathname.replace(/^\/api\//, '').split('/')
  // Every collection of the app's, today's and tomorrow's; Payload's own (payload-preferences,
  // payload-locked-documents, payload-jobs) serve the admin and are not ours to page.
  if (!collection || collection.startsWith('payload-')) return null
  const page = url.searchParams.get('page')
  if (page !== null && page !== '') {
    const problem = pageNumberProblem(page)
    if (problem) return problem
  }
  const limit = url.searchParams.get('limit')
  const limitOk = limit === null || limit === '' || (/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_PAGE_SIZE)
  if (limitOk && url.searchParams.get('pagination') !== 'false') return null
  return `Ask for one page of 1 to ${MAX_PAGE_SIZE} documents at a time ("limit"), and "page" for more.`
}

export function refusingUnboundedLists<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const refusal = unboundedListRefusal(new URL(args[0].url))
    return refusal ? Response.json({ errors: [{ message: refusal }] }, { status: 400 }) : handler(...args)
  }
}
