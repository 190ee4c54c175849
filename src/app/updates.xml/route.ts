// GET /updates.xml: the recent updates as an Atom feed (the same list as /updates).
import { recentUpdates } from '@/site/published-content'
import { absoluteUrl } from '@/site/site-url'
import { atomFeed } from '@/site/atom'
import { CHANGE_KIND_LABEL } from '@/workflow/change-log'

// Per request, from the cached list of updates (expired by every approval).
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const updates = await recentUpdates()
  const xml = atomFeed({
    id: absoluteUrl('/updates'),
    title: 'Vetted: recent updates',
    self: absoluteUrl('/updates.xml'),
    site: absoluteUrl('/updates'),
    updated: updates[0]?.at ?? new Date(0).toISOString(),
    entries: updates.map((update) => ({
      id: absoluteUrl(`/updates#change-${update.id}`),
      title: `${update.title}: ${CHANGE_KIND_LABEL[update.kind]}`,
      updated: update.at,
      link: absoluteUrl(`/articles/${update.slug}`),
      summary: update.note ?? CHANGE_KIND_LABEL[update.kind],
    })),
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
