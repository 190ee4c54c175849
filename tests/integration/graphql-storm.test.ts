// One request must not take the database away from everyone: GraphQL requests over their
// cost limits are refused before they run (400, with the reason), and what does run holds
// only a small share of the connection pool, so other readers keep being answered.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { currentPoolShareStats, POOL_SHARE_PER_REQUEST, withPoolShare } from '@/db/pool-share'
import { ensureSeeded } from '../support/content'
import { graphqlQuery, rest, testPayload } from '../support/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const aliases = (count: number, limit: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { title } }`).join(' ')} }`

/** Times a plain reader request made while `storm` is running. */
async function readerLatencyDuring(storm: Promise<unknown>) {
  await new Promise((resolve) => setTimeout(resolve, 5))
  const started = performance.now()
  const response = await rest('anonymous', 'GET', '/tips?limit=1')
  const ms = performance.now() - started
  await storm
  return { status: response.status, ms }
}

describe('GraphQL request cost', () => {
  it('refuses 300 aliases of a 100-item list with a 400 and a clear message, while readers are answered', async () => {
    const storm = graphqlQuery('anonymous', aliases(300, 100))
    const reader = await readerLatencyDuring(storm)
    const refused = await storm
    expect(refused.status).toBe(400)
    expect(refused.body.data).toBeUndefined()
    expect(refused.body.errors.map((e: any) => e.message).join(' ')).toMatch(/300 aliased fields; at most 20/)
    expect(reader.status).toBe(200)
    expect(reader.ms).toBeLessThan(1000)
  })

  it.each([
    ['a list over 100 items', '{ Articles(limit: 1000) { docs { title } } }', /limit: 1000; limit must be from 1 to 100/],
    ['every row at once', '{ Articles(pagination: false) { docs { title } } }', /pagination: false/],
    [
      'too deep',
      '{ Articles { docs { tips { category { a { b { c { d { e } } } } } } } } }',
      /nests fields 9 levels deep; at most 8 levels/,
    ],
    [
      '100 articles with their tips and warnings',
      '{ Articles(limit: 100) { docs { title tips { title } warnings { title } } } }',
      /estimated cost/,
    ],
  ])('refuses %s, saying which limit', async (_name, query, message) => {
    const { status, body } = await graphqlQuery('anonymous', query)
    expect(status).toBe(400)
    expect(body.errors.map((error: { message: string }) => error.message).join(' | ')).toMatch(message)
  })

  it('answers ordinary queries', async () => {
    const { status, body } = await graphqlQuery(
      'anonymous',
      '{ Articles(limit: 10) { docs { title slug tips { title } warnings { title } } } }',
    )
    expect(status).toBe(200)
    expect(body.data.Articles.docs.length).toBeGreaterThan(0)
  })
})

describe('the pool share of one request', () => {
  it('holds no more than its share of connections, however many lists it asks for in parallel', async () => {
    const pool = (payload.db as unknown as { pool: Parameters<typeof currentPoolShareStats>[0] }).pool
    // The route handler joins this scope, so its use of the pool is what the scope records.
    const storm = withPoolShare(async () => {
      // Within the cost limits: 9 lists of 100, resolved in parallel by GraphQL.
      const response = await graphqlQuery('anonymous', aliases(9, 100))
      return { response, stats: currentPoolShareStats(pool) }
    })()
    const reader = await readerLatencyDuring(storm)
    const { response, stats } = await storm
    expect(response.status).toBe(200)
    expect(Object.keys(response.body.data)).toHaveLength(9)
    expect(reader.status).toBe(200)
    expect(stats?.peak).toBeGreaterThan(0)
    expect(stats!.peak).toBeLessThanOrEqual(POOL_SHARE_PER_REQUEST)
  })
})

describe('REST lists', () => {
  it.each([
    '/articles?limit=0',
    '/articles?limit=101',
    '/articles?pagination=false',
    '/tips?limit=100000&depth=2',
    '/tips/versions?limit=1000',
    '/users?limit=0',
  ])('refuse %s with a 400 that says how to page', async (path) => {
    for (const person of ['anonymous', 'editor'] as const) {
      const { status, body } = await rest(person, 'GET', path)
      expect(status, `${person} ${path}`).toBe(400)
      expect(body.errors[0].message).toMatch(/1 to 100 documents/)
    }
  })

  // PostgreSQL refuses a negative offset: page=-1 was a 500 on every collection (issue 22, item 2).
  it.each(['articles', 'tips', 'warnings', 'sources', 'reviews', 'users', 'releases', 'feedback'])(
    'refuse an impossible page of %s with a 400 that says which pages there are',
    async (collection) => {
      for (const page of ['-1', '0', '1.5', 'two', '1000001']) {
        const { status, body } = await rest('editor', 'GET', `/${collection}?page=${page}`)
        expect(status, `${collection} page=${page}`).toBe(400)
        expect(body.errors[0].message).toBe('"page" is a whole number from 1 to 1000000.')
      }
      expect((await rest('editor', 'GET', `/${collection}?page=2&limit=5`)).status).toBe(200)
    },
  )

  it('refuse page: -1 in GraphQL too, with a 400', async () => {
    for (const query of ['{ Articles(page: -1) { docs { title } } }', '{ Tips(page: 0, limit: 5) { docs { title } } }']) {
      const response = await graphqlQuery('anonymous', query)
      expect(response.status, query).toBe(400)
      expect(response.body.errors[0].message).toMatch(/"page" is a whole number from 1 to 1000000/)
    }
    expect((await graphqlQuery('anonymous', '{ Articles(page: 2, limit: 5) { docs { title } } }')).status).toBe(200)
  })

  it('answer a page of up to 100', async () => {
    expect((await rest('anonymous', 'GET', '/articles?limit=100')).status).toBe(200)
    expect((await rest('editor', 'GET', '/tips/versions?limit=100')).status).toBe(200)
  })
})
