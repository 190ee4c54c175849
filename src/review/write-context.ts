// Marks a request's writes as the workflow's own (an approval publishing, a
// retirement unpublishing). The mark is a private symbol value: nothing arriving
// over HTTP can carry it, so no request can pass itself off as the workflow.
import type { PayloadRequest } from 'payload'

const WORKFLOW_WRITE = Symbol('vetted.workflow-write')
const KEY = 'vettedWorkflowWrite'

export async function asWorkflow<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const previous = req.context[KEY]
  req.context[KEY] = WORKFLOW_WRITE
  try {
    return await work()
  } finally {
    req.context[KEY] = previous
  }
}

export const isWorkflowWrite = (req: PayloadRequest): boolean => req.context?.[KEY] === WORKFLOW_WRITE
