// Test helpers: the app's Payload instance, demo users, and requests through the
// real REST and GraphQL route handlers, as a given person or as an anonymous reader.
import config from '@payload-config'
import { POST as GRAPHQL_POST } from '@/app/(payload)/api/graphql/route'
import { DELETE, GET, PATCH, POST } from '@/app/(payload)/api/[...slug]/route'
import { getPayload, type Payload } from 'payload'
import { DEFAULT_DEMO_PASSWORD } from '@seed/users'

export type Person = 'admin' | 'editor' | 'reviewer' | 'reviewer2' | 'anonymous'

if (!process.env.DATABASE_URL) {
  throw new Error('Integration tests need a database: run them with `npm test` (or `npm run test:unit`).')
}

export const testPayload = (): Promise<Payload> => getPayload({ config })

// The app's own route handlers, as Next.js calls them (with their per-request pool share).
const handlers = { GET, POST, PATCH, DELETE }
const graphql = GRAPHQL_POST

const tokens = new Map<Person, string>()

/** A login token for a seeded demo account. */
async function tokenFor(person: Exclude<Person, 'anonymous'>): Promise<string> {
  const cached = tokens.get(person)
  if (cached) return cached
  const payload = await testPayload()
  const { token } = await payload.login({
    collection: 'users',
    data: { email: `${person}@example.com`, password: process.env.SEED_PASSWORD || DEFAULT_DEMO_PASSWORD },
  })
  if (!token) throw new Error(`could not log in as ${person}`)
  tokens.set(person, token)
  return token
}

async function headersFor(person: Person, json: boolean): Promise<Headers> {
  const headers = new Headers()
  if (json) headers.set('Content-Type', 'application/json')
  if (person !== 'anonymous') headers.set('Authorization', `JWT ${await tokenFor(person)}`)
  return headers
}

export type ApiResponse<T = any> = { status: number; body: T }

/** Calls a REST route (path after /api, with query string) through the app's route handler. */
export async function rest<T = any>(
  person: Person,
  method: keyof typeof handlers,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const url = new URL(`/api${path}`, 'http://localhost:3000')
  // The workflow API takes JSON only, even an empty POST (src/http/request-body.ts).
  const headers = await headersFor(person, body !== undefined || method === 'POST')
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  const request = new Request(url, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** A REST call with the login token of an account a test made (not one of the demo people). */
export const restWithToken = <T = any>(token: string, method: keyof typeof handlers, path: string, body?: unknown) =>
  rest<T>('anonymous', method, path, body, { Authorization: `JWT ${token}` })

/** Logs in through the REST route and returns the token. */
export async function loginToken(email: string, password: string): Promise<string> {
  const response = await rest('anonymous', 'POST', '/users/login', { email, password })
  if (response.status !== 200) throw new Error(`could not log in as ${email}: ${JSON.stringify(response.body)}`)
  return response.body.token as string
}

export async function graphqlQuery<T = any>(person: Person, query: string): Promise<ApiResponse<T>> {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: await headersFor(person, true),
    body: JSON.stringify({ query }),
  })
  const response = await graphql(request)
  return { status: response.status, body: await response.json() }
}

/** Something unique to tell this test's documents apart from everyone else's. */
export const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`

/** The ids of demo people (after the seed), by name: `{ reviewer: 3, editor: 2 }`. */
export async function demoPeopleIds<P extends Exclude<Person, 'anonymous'>>(
  payload: Payload,
  people: readonly P[],
): Promise<Record<P, number>> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { in: people.map((person) => `${person}@example.com`) } },
    pagination: false,
    depth: 0,
  })
  const byEmail = new Map(docs.map((doc) => [doc.email, doc.id]))
  return Object.fromEntries(people.map((person) => [person, byEmail.get(`${person}@example.com`)!])) as Record<P, number>
}
