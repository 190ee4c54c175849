// Checking sources' links, in the `checkSourceLinks` background job (src/jobs/tasks.ts): the
// sources named (a new or changed address), or the ones checked longest ago (the daily scan).
import type { PayloadRequest, Where } from 'payload'
import { checkLink, type LinkResult } from './link-check'

export const LINK_CHECK_QUEUE = 'links'
/** Sources not checked for this long are checked again by the daily scan. */
export const RECHECK_AFTER_DAYS = 7
const BATCH = 200
const AT_ONCE = 4

type Source = { id: number; url?: string | null }

async function sourcesToCheck(req: PayloadRequest, sourceIds: number[] | undefined): Promise<Source[]> {
  const since = new Date(Date.now() - RECHECK_AFTER_DAYS * 86_400_000).toISOString()
  const where: Where = sourceIds?.length
    ? { id: { in: sourceIds } }
    : { and: [{ url: { exists: true } }, { or: [{ linkCheckedAt: { exists: false } }, { linkCheckedAt: { less_than: since } }] }] }
  const found = await req.payload.find({
    collection: 'sources',
    where,
    limit: BATCH,
    sort: 'linkCheckedAt',
    depth: 0,
    pagination: false,
    req,
  })
  return found.docs as Source[]
}

export async function runLinkChecks(req: PayloadRequest, sourceIds?: number[]): Promise<{ checked: number; broken: number }> {
  const sources = await sourcesToCheck(req, sourceIds)
  const results = new Map<number, LinkResult>()
  const pending = [...sources]
  // The network part in parallel; the writes one at a time, in the job's own transaction.
  const work = async () => {
    for (let source = pending.shift(); source; source = pending.shift()) {
      if (source.url) results.set(source.id, await checkLink(source.url))
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, work))
  let broken = 0
  for (const source of sources) {
    const result = results.get(source.id)
    if (result?.status === 'broken') broken++
    // Only onto the address that was checked: an editor may have changed it meanwhile (its own check is queued).
    const checked = source.url ? { url: { equals: source.url } } : { url: { exists: false } }
    await req.payload.update({
      collection: 'sources',
      where: { and: [{ id: { equals: source.id } }, checked] },
      data: { linkStatus: result?.status ?? 'unchecked', linkProblem: result?.problem ?? null, linkCheckedAt: new Date().toISOString() },
      depth: 0,
      req,
    })
  }
  return { checked: sources.length, broken }
}
