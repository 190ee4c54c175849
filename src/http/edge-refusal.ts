// A refusal answered at the edge of a route, before Payload runs (and so before its logger sees
// it): a response in Payload's error shape, and one line in the log, as Payload's refusals get.
export function refuseAtEdge(request: Request, status: number, message: string): Response {
  console.info(`vetted: refused (${status}) ${request.method} ${new URL(request.url).pathname}: ${message}`)
  return Response.json({ errors: [{ message }] }, { status })
}
