// graphql-http answers a refused query (a validation error, such as a request over its cost
// limits) with 400 only when the client asks for application/graphql-response+json; with a
// plain Accept it is a 200 carrying `errors`. A refusal is a 4xx for every client: a result
// without `data` never ran.
export function refusalsAs400<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const response = await handler(...args)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const text = await response.text()
    let refused: boolean
    try {
      const body = JSON.parse(text) as { data?: unknown; errors?: unknown }
      refused = !('data' in body) && Array.isArray(body.errors)
    } catch {
      refused = false
    }
    return new Response(text, { status: refused ? 400 : 200, headers: response.headers })
  }
}
