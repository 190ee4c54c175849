// Workflow steps as the people take them, through the real REST route handlers.
import pg from 'pg'
import { expect } from 'vitest'
import { type Person, rest } from './payload'

export type Collection = 'articles' | 'tips' | 'warnings'

export async function createDraft(person: Person, collection: Collection, data: Record<string, unknown>): Promise<string> {
  const response = await rest(person, 'POST', `/${collection}?draft=true`, data)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return String(response.body.doc.id)
}

export async function editDraft(person: Person, collection: Collection, id: string, data: Record<string, unknown>) {
  const response = await rest(person, 'PATCH', `/${collection}/${id}?draft=true`, data)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.doc
}

/**
 * An approval answers what the reviewer is asked to confirm (the evidence of an article was
 * checked; a reading age above the target is accepted) unless the test sends its own answer.
 */
function withReviewerAnswers(collection: Collection, action: string, body: unknown) {
  if (action !== 'approve' || (body != null && (typeof body !== 'object' || Array.isArray(body)))) return body
  const given = (body ?? {}) as Record<string, unknown>
  return {
    ...(collection === 'articles' && !('evidenceChecked' in given) ? { evidenceChecked: true } : {}),
    ...(!('readingLevelAcknowledged' in given) ? { readingLevelAcknowledged: true } : {}),
    ...given,
  }
}

export const act = (person: Person, collection: Collection, id: string, action: string, body?: unknown) =>
  rest(person, 'POST', `/${collection}/${id}/${action}`, withReviewerAnswers(collection, action, body) ?? {})

export async function submit(person: Person, collection: Collection, id: string): Promise<string> {
  const response = await act(person, collection, id, 'submit')
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.versionId
}

export async function approve(person: Person, collection: Collection, id: string, versionId: string) {
  const response = await act(person, collection, id, 'approve', { versionId, comment: 'Looks right.' })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { state: string; versionId: string; reviewId: number; contentHash: string }
}

/** Drafted by the editor, submitted, approved by reviewer@example.com. */
export async function publishThroughWorkflow(collection: Collection, data: Record<string, unknown>): Promise<string> {
  const id = await createDraft('editor', collection, data)
  await approve('reviewer', collection, id, await submit('editor', collection, id))
  return id
}

/** What an anonymous reader gets for the document. */
export const readerView = (collection: Collection, id: string) => rest('anonymous', 'GET', `/${collection}/${id}?depth=0`)

export const workflowStatus = async (collection: Collection, id: string) =>
  (await rest('reviewer', 'GET', `/${collection}/${id}/workflow`)).body

/** Direct SQL, for arranging what no API allows and for attacking the database itself. */
export async function sql<T extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return await client.query<T>(text, values)
  } finally {
    await client.end()
  }
}
