import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, requestCostRules, type RequestLimits } from '@/graphql/request-cost'

// The shape of Payload's generated schema, cut down: paginated list queries with `docs`,
// relationship lists without arguments, and a join field that takes `limit`.
const schema = buildSchema(`
  scalar JSON
  input Article_where { title: String }
  type Query {
    Articles(draft: Boolean, where: Article_where, limit: Int, page: Int, pagination: Boolean, sort: String): Articles
    Article(id: Int!, draft: Boolean): Article
    Tips(where: Article_where, limit: Int, page: Int, pagination: Boolean, sort: String): Tips
    versionsArticles(limit: Int, page: Int, pagination: Boolean): versionsArticles
    countArticles(where: Article_where): countArticles
  }
  type Mutation { updateTip(id: Int!, title: String): Tip }
  type Articles { docs: [Article!]!, totalDocs: Int!, hasNextPage: Boolean!, limit: Int!, page: Int! }
  type Tips { docs: [Tip!]!, totalDocs: Int! }
  type versionsArticles { docs: [ArticleVersion!]!, totalDocs: Int! }
  type countArticles { totalDocs: Int }
  type ArticleVersion { id: Int!, version: Article }
  type Article {
    id: Int!
    title: String
    slug: String
    summary: String
    body: JSON
    tips: [Tip]
    references: [Reference!]
    related(limit: Int, page: Int, sort: String): Article_related
  }
  type Article_related { docs: [Article], hasNextPage: Boolean }
  type Reference { title: String, url: String }
  type Tip { id: Int!, title: String, body: String, articles: [Article] }
`)

function check(query: string, variableValues?: Record<string, unknown>, limits?: Partial<RequestLimits>) {
  const rules = requestCostRules({ variableValues }, { ...DEFAULT_LIMITS, ...limits })
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((error) => error.message)
}

/** The estimated cost, read from the message of a cost limit of zero. */
function costOf(query: string, variableValues?: Record<string, unknown>): number {
  const message = check(query, variableValues, { maxCost: 0 }).find((m) => m.includes('estimated cost'))
  const match = message?.match(/estimated cost is (\d+)/)
  if (!match?.[1]) throw new Error(`no cost in ${String(message)}`)
  return Number(match[1])
}

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`

describe('ordinary queries', () => {
  it.each([
    '{ Articles(limit: 10) { docs { title slug tips { title } } } }',
    '{ Articles { totalDocs hasNextPage docs { id title summary body references { title url } } } }',
    '{ Article(id: 1) { title tips { title body } } }',
    '{ versionsArticles(limit: 50, page: 3) { docs { version { title } } } }',
    '{ countArticles { totalDocs } }',
    'mutation { updateTip(id: 1, title: "x") { id title } }',
    '{ Articles(limit: 100, pagination: true, sort: "-title") { docs { title } } }',
    aliases(20, 'Articles(limit: 10) { docs { title } }'),
  ])('accepts %s', (query) => {
    expect(check(query)).toEqual([])
  })

  it('lets the standard introspection query through, alone or with data', () => {
    expect(check(getIntrospectionQuery())).toEqual([])
    expect(check(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }))).toEqual([])
    expect(check('{ __schema { types { name } } Articles { docs { title } } }')).toEqual([])
  })

  it('still counts aliases inside introspection', () => {
    expect(check(aliases(25, '__type(name: "Article") { name }'))).toEqual(['The request uses 25 aliased fields; at most 20 are allowed.'])
  })
})

describe('estimated cost', () => {
  it('counts has-many relationships as lists: 100 articles with their tips and warnings is refused', () => {
    expect(check('{ Articles(limit: 100) { docs { title tips { title } warnings { title } } } }').join(' ')).toMatch(/estimated cost/)
    expect(check('{ Articles(limit: 10) { docs { title tips { title } } } }')).toEqual([])
  })

  it('multiplies what is selected under docs by the page size', () => {
    expect(costOf('{ Articles(limit: 100) { docs { title } } }')).toBe(102)
    // tips is a has-many relationship without limit: counted as 20 documents each.
    expect(costOf('{ Articles(limit: 10) { docs { title slug tips { title } } } }')).toBe(232)
    expect(costOf('{ Articles(limit: 100) { totalDocs } }')).toBe(2)
    expect(costOf('{ Articles(limit: 5) { totalDocs docs { id title } } }')).toBe(13)
  })

  it("uses Payload's default of 10 for a root list without limit, and the maximum elsewhere", () => {
    expect(costOf('{ Articles { docs { title } } }')).toBe(12)
    // A join field without limit returns every row: counted as the largest page.
    expect(costOf('{ Article(id: 1) { related { docs { title } } } }')).toBe(1 + 1 + 1 + 100)
  })

  it('multiplies nested pages', () => {
    expect(costOf('{ Articles(limit: 10) { docs { related(limit: 5) { docs { title } } } } }')).toBe(2 + 10 * (1 + 1 + 5))
  })

  it('refuses a request over the cost limit, naming the estimate', () => {
    expect(check(aliases(9, 'Articles(limit: 100) { docs { title } }'))).toEqual([])
    expect(check(aliases(10, 'Articles(limit: 100) { docs { title } }'))).toEqual([
      "The request's estimated cost is 1020; at most 1000 is allowed. Ask for fewer or smaller lists, or split the request.",
    ])
    expect(check('{ Articles(limit: 100) { docs { related(limit: 100) { docs { title } } } } }')).toEqual([
      "The request's estimated cost is 10202; at most 1000 is allowed. Ask for fewer or smaller lists, or split the request.",
    ])
  })

  it('refuses the 300-alias storm from the security review', () => {
    const started = performance.now()
    const messages = check(aliases(300, 'Articles(limit: 100) { docs { title } }'))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(messages).toEqual([
      'The request uses 300 aliased fields; at most 20 are allowed.',
      'The request selects 900 fields (fragments expanded); at most 300 are allowed.',
      "The request's estimated cost is 30600; at most 1000 is allowed. Ask for fewer or smaller lists, or split the request.",
    ])
  })
})

describe('list limits', () => {
  it('refuses a limit over the maximum', () => {
    expect(check('{ Articles(limit: 101) { docs { title } } }')).toEqual([
      'Articles asks for limit: 101; limit must be from 1 to 100. Use page to read further.',
    ])
    expect(check('{ Article(id: 1) { related(limit: 500) { docs { title } } } }')[0]).toContain('related asks for limit: 500')
  })

  it('refuses limit: 0, which Payload reads as every row, and negative limits', () => {
    expect(check('{ recent: Articles(limit: 0) { docs { title } } }')).toEqual([
      'recent: Articles asks for limit: 0; limit must be from 1 to 100 (limit: 0 returns every row). Use page to read further.',
    ])
    expect(check('{ Articles(limit: -1) { docs { title } } }')[0]).toContain('limit: -1; limit must be from 1 to 100')
  })

  it('refuses page numbers that are not 1 or more, from literals and variables', () => {
    expect(check('{ Articles(page: -1) { docs { title } } }')).toEqual([
      'Articles asks for page: -1; "page" is a whole number from 1 to 1000000.',
    ])
    expect(check('{ Articles(page: 0, limit: 5) { docs { title } } }')).toHaveLength(1)
    expect(check('query ($p: Int) { Articles(page: $p) { docs { title } } }', { p: -3 })).toHaveLength(1)
    expect(check('{ Articles(page: 3, limit: 5) { docs { title } } }')).toEqual([])
  })

  it('refuses pagination: false', () => {
    expect(check('{ Tips(pagination: false) { docs { title } } }')).toEqual([
      'Tips asks for pagination: false, which returns every row. Use limit (at most 100) and page instead.',
    ])
    expect(check('{ versionsArticles(limit: 5, pagination: false) { docs { id } } }')).toHaveLength(1)
  })

  it('reports each kind once, however often it occurs', () => {
    expect(check('{ a: Articles(limit: 200) { totalDocs } b: Articles(limit: 300) { totalDocs } }')).toEqual([
      'a: Articles asks for limit: 200; limit must be from 1 to 100. Use page to read further.',
    ])
  })
})

describe('variables', () => {
  const query = 'query List($n: Int, $all: Boolean) { Articles(limit: $n, pagination: $all) { docs { title } } }'

  it('resolves limit and pagination from the variable values', () => {
    expect(check(query, { n: 50 })).toEqual([])
    expect(check(query, { n: 500 })[0]).toContain('limit: 500; limit must be from 1 to 100')
    expect(check(query, { n: 10, all: true })).toEqual([])
    expect(check(query, { n: 10, all: false })[0]).toContain('pagination: false')
    expect(costOf(query, { n: 7 })).toBe(9)
  })

  it('falls back to the default in the variable definition', () => {
    const withDefault = 'query($n: Int = 500) { Articles(limit: $n) { docs { title } } }'
    expect(check(withDefault)[0]).toContain('limit: 500')
    expect(check(withDefault, { n: 20 })).toEqual([])
  })

  it('counts an unresolvable limit as the largest allowed', () => {
    expect(costOf('query($n: Int) { Articles(limit: $n) { docs { title } } }')).toBe(102)
    expect(costOf('query($n: Int) { Articles(limit: $n) { docs { title } } }', { n: 'lots' })).toBe(102)
    // A null limit is Payload's default.
    expect(costOf('query($n: Int) { Articles(limit: $n) { docs { title } } }', { n: null })).toBe(12)
  })
})

describe('fragments, depth and selections', () => {
  it('expands fragment spreads and inline fragments where they are used', () => {
    const query = `
      query { Articles(limit: 10) { ...Page } }
      fragment Page on Articles { totalDocs docs { ...Fields ... on Article { slug } } }
      fragment Fields on Article { id title }`
    expect(costOf(query)).toBe(1 + 1 + 1 + 10 * 3)

    const five = 'fragment Five on Article { id title slug summary body }'
    const sixty = `fragment Sixty on Article { ${Array.from({ length: 60 }, () => '...Five').join(' ')} }`
    expect(check(`{ Articles(limit: 1) { docs { ...Sixty } } } ${sixty} ${five}`)).toEqual([
      'The request selects 302 fields (fragments expanded); at most 300 are allowed.',
    ])
  })

  it('counts aliases inside fragments each time the fragment is spread', () => {
    const fragment = `fragment Named on Article { ${Array.from({ length: 7 }, (_, i) => `t${i}: title`).join(' ')} }`
    expect(check(`{ Article(id: 1) { ...Named } } ${fragment}`)).toEqual([])
    expect(check(`{ a: Article(id: 1) { ...Named } b: Article(id: 2) { ...Named } c: Article(id: 3) { ...Named } } ${fragment}`)).toEqual([
      'The request uses 24 aliased fields; at most 20 are allowed.',
    ])
  })

  it('refuses selections nested deeper than the limit', () => {
    const eight = '{ Articles { docs { tips { articles { tips { articles { tips { title } } } } } } } }'
    const nine = '{ Articles { docs { tips { articles { tips { articles { tips { articles { title } } } } } } } } }'
    expect(check(eight, undefined, { maxCost: 1e12 })).toEqual([])
    expect(check(nine, undefined, { maxCost: 1e12 })).toEqual(['The request nests fields 9 levels deep; at most 8 levels are allowed.'])
  })

  it('does not loop on a fragment cycle', () => {
    const cycle =
      '{ Article(id: 1) { ...A } } fragment A on Article { title tips { articles { ...B } } } fragment B on Article { slug ...A }'
    const messages = check(cycle)
    expect(messages.some((m) => m.includes('Cannot spread fragment "A" within itself'))).toBe(true)
    // And without graphql's own rules in front.
    expect(validate(schema, parse(cycle), requestCostRules({}))).toEqual([])
  })

  it('stops counting early on a fragment that expands exponentially', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Article { ...F${i} ...F${i} }`)
    const query = `{ Article(id: 1) { ...F30 } } fragment F0 on Article { title } ${levels.join(' ')}`
    const started = performance.now()
    const messages = check(query)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(messages).toContain('The request selects at least 3001 fields (fragments expanded); at most 300 are allowed.')
  })

  it('reports errors with locations, as graphql-http expects of validation errors', () => {
    const [error] = validate(schema, parse('{ Articles(limit: 1000) { docs { title } } }'), requestCostRules({}))
    expect(error?.locations).toEqual([{ line: 1, column: 3 }])
  })
})
