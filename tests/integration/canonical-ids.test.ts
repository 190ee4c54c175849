// Ids at the edge: PostgreSQL reads "021", " 21" and "+21" as 21, so without one canonical
// spelling a padded id reached document 21 but was recorded under a phantom key. Every
// non-canonical spelling is not a document (404), for every collection and endpoint.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { canonicalId } from '@/lib/document-id'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { rest, testPayload } from '../support/payload'
import { type Collection, act, publishThroughWorkflow, readerView, sql } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const spellings = (id: string) => [
  `0${id}`,
  `00${id}`,
  `+${id}`,
  `-${id}`,
  ` ${id}`,
  `${id} `,
  `${id}.0`,
  `${id}e0`,
  '99999999999',
  '2147483648',
  '1e3',
  '0',
]

const phantomKeys = async () =>
  (await sql(`select key from workflow where key !~ '^(articles|tips|warnings):[1-9][0-9]*$'`)).rows.map((row) => row.key)

describe('canonicalId', () => {
  it('accepts positive integers in their one spelling, within PostgreSQL integer range', () => {
    expect(canonicalId('21')).toBe('21')
    expect(canonicalId(21)).toBe('21')
    expect(canonicalId('2147483647')).toBe('2147483647')
    for (const bad of spellings('21')) expect(canonicalId(bad), JSON.stringify(bad)).toBeNull()
    for (const bad of [21.5, -1, NaN, Infinity, null, undefined, {}, ['21'], '']) expect(canonicalId(bad)).toBeNull()
  })
})

describe.each<[Collection, () => Record<string, unknown>]>([
  ['articles', () => articleData()],
  ['tips', () => tipData()],
  ['warnings', () => warningData()],
])('non-canonical ids of %s', (collection, data) => {
  let id: string
  beforeAll(async () => {
    id = await publishThroughWorkflow(collection, data())
  })

  it('are not documents for the workflow endpoints, and leave no phantom record', async () => {
    for (const spelling of spellings(id)) {
      const path = encodeURIComponent(spelling)
      for (const action of ['submit', 'retire', 'approve', 'request-changes']) {
        const response = await act('reviewer', collection, path, action, { comment: 'padded' })
        expect(response.status, `${action} ${JSON.stringify(spelling)}`).toBe(404)
      }
      expect((await rest('reviewer', 'GET', `/${collection}/${path}/workflow`)).status).toBe(404)
    }
    expect(await phantomKeys()).toEqual([])
    expect((await readerView(collection, id)).status).toBe(200)
    const trail = await sql(`select document_id from reviews where document_collection = $1 and document_id !~ '^[1-9][0-9]*$'`, [
      collection,
    ])
    expect(trail.rows).toEqual([])
  })

  it('are not documents for reads and saves', async () => {
    for (const spelling of spellings(id)) {
      const path = encodeURIComponent(spelling)
      expect((await rest('anonymous', 'GET', `/${collection}/${path}`)).status, spelling).toBe(404)
      expect((await rest('editor', 'PATCH', `/${collection}/${path}?draft=true`, { title: 'padded' })).status, spelling).toBe(404)
    }
  })
})

describe('a version id in a workflow body', () => {
  it('must be canonical too (400), and a canonical one still approves', async () => {
    const id = await publishThroughWorkflow('tips', tipData())
    await rest('editor', 'PATCH', `/tips/${id}?draft=true`, { body: 'Changed once more.' })
    const submitted = (await act('editor', 'tips', id, 'submit')).body.versionId as string
    for (const padded of [`0${submitted}`, ` ${submitted}`, `+${submitted}`]) {
      const response = await act('reviewer', 'tips', id, 'approve', { versionId: padded })
      expect(response.status, padded).toBe(400)
      expect(response.body.errors[0].message).toMatch(/version id/)
    }
    expect((await act('reviewer', 'tips', id, 'approve', { versionId: Number(submitted) })).status).toBe(200)
  })
})
