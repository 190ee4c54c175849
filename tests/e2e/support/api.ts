// Driving the workflow over the real HTTP API of the running server, as each person.
import { type APIRequestContext, expect } from '@playwright/test'
import { lexicalFromSections } from '../../../seed/lexical'

const password = process.env.SEED_PASSWORD || 'vetted-demo'
export type Person = 'editor' | 'reviewer' | 'reviewer2' | 'admin'
export type Collection = 'articles' | 'tips' | 'warnings'

export const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase()

export class Api {
  private tokens = new Map<Person, string>()
  constructor(private readonly request: APIRequestContext) {}

  private async token(person: Person) {
    if (!this.tokens.has(person)) {
      const response = await this.request.post('/api/users/login', { data: { email: `${person}@example.com`, password } })
      expect(response.ok(), await response.text()).toBe(true)
      this.tokens.set(person, (await response.json()).token)
    }
    return this.tokens.get(person)!
  }

  /** A call whose answer may be a refusal: its status and body. */
  async attempt(person: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) {
    const response = await this.request.fetch(`/api${path}`, {
      method,
      headers: { Authorization: `JWT ${await this.token(person)}` },
      // JSON even when empty: the workflow API takes nothing else.
      data: data ?? (method === 'POST' ? {} : undefined),
    })
    return { status: response.status(), body: await response.json() }
  }

  async call(person: Person, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
    const { status, body } = await this.attempt(person, method, path, data)
    expect(status < 400, `${method} ${path}: ${JSON.stringify(body)}`).toBe(true)
    return body
  }

  async draft(collection: Collection, data: Record<string, unknown>): Promise<string> {
    return String((await this.call('editor', 'POST', `/${collection}?draft=true`, data)).doc.id)
  }

  edit(collection: Collection, id: string, data: Record<string, unknown>, person: Person = 'editor') {
    return this.call(person, 'PATCH', `/${collection}/${id}?draft=true`, data)
  }

  async submit(collection: Collection, id: string): Promise<string> {
    return (await this.call('editor', 'POST', `/${collection}/${id}/submit`, {})).versionId
  }

  approve(collection: Collection, id: string, versionId: string, person: Person = 'reviewer') {
    return this.call(person, 'POST', `/${collection}/${id}/approve`, {
      versionId,
      readingLevelAcknowledged: true,
      ...(collection === 'articles' ? { evidenceChecked: true } : {}),
    })
  }

  requestChanges(collection: Collection, id: string, versionId: string, comment: string) {
    return this.call('reviewer', 'POST', `/${collection}/${id}/request-changes`, { versionId, comment })
  }

  retire(collection: Collection, id: string, comment: string) {
    return this.call('reviewer', 'POST', `/${collection}/${id}/retire`, { comment })
  }

  async publish(collection: Collection, data: Record<string, unknown>): Promise<string> {
    const id = await this.draft(collection, data)
    await this.approve(collection, id, await this.submit(collection, id))
    return id
  }
}

export const lexical = (text: string) => lexicalFromSections([{ paragraphs: [text] }])

export function article(marker: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Article ${marker}`,
    slug: marker.toLowerCase(),
    summary: `Summary ${marker}`,
    topic: 'Testing',
    audience: 'patient',
    body: lexical(`Body ${marker}`),
    disclaimer: 'For tests only.',
    ...extra,
  }
}
