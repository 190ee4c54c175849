// Imports the seed content, idempotently: anything already present is left as is.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { lumbarSorenessContent } from './content/lumbar-soreness'
import { readSourceText } from './source-text'
import { DEMO_USERS, type DemoUser } from './users'

export const DEFAULT_SOURCE_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'lumbar-soreness-early-pregnancy.txt',
)

export type SeedReport = { created: string[]; unchanged: string[] }
export type SeedOptions = { password: string; sourceFile?: string; log?: (line: string) => void }

type ContentCollection = 'articles' | 'tips' | 'warnings'

async function findIdBySlug(req: PayloadRequest, collection: ContentCollection, slug: string) {
  const { docs } = await req.payload.find({
    collection,
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    depth: 0,
    req,
  })
  return docs[0]?.id
}

export async function seed(payload: Payload, { password, sourceFile = DEFAULT_SOURCE_FILE, log = () => {} }: SeedOptions): Promise<SeedReport> {
  // Read and check the source before touching the database.
  const content = lumbarSorenessContent(readSourceText(sourceFile))
  const report: SeedReport = { created: [], unchanged: [] }
  const note = (created: boolean, label: string) => {
    ;(created ? report.created : report.unchanged).push(label)
    log(`${created ? 'created  ' : 'unchanged'} ${label}`)
  }

  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    for (const user of DEMO_USERS) note(await ensureUser(req, user, password), `user ${user.email}`)

    const ensureContent = async <T extends { slug: string }>(collection: ContentCollection, data: T) => {
      const existing = await findIdBySlug(req, collection, data.slug)
      if (existing !== undefined) {
        note(false, `${collection} ${data.slug}`)
        return existing
      }
      const created = await payload.create({
        collection,
        data: { ...data, _status: 'published' } as never,
        req,
      })
      note(true, `${collection} ${data.slug}`)
      return created.id
    }

    const warningIds = []
    for (const warning of content.warnings) warningIds.push(await ensureContent('warnings', warning))
    const tipIds = []
    for (const tip of content.tips) tipIds.push(await ensureContent('tips', tip))
    await ensureContent('articles', { ...content.article, warnings: warningIds, tips: tipIds })

    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  return report
}

async function ensureUser(req: PayloadRequest, user: DemoUser, password: string): Promise<boolean> {
  const { totalDocs } = await req.payload.count({ collection: 'users', where: { email: { equals: user.email } }, req })
  if (totalDocs > 0) return false
  await req.payload.create({ collection: 'users', data: { ...user, password }, req })
  return true
}
