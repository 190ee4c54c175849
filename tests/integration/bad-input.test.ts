// Bad input gets a clear 4xx and changes nothing: malformed JSON, wrong types,
// huge bodies, unknown or malformed ids, injection strings, odd Unicode, each role.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ARTICLE_SLUG } from '@seed/content/lumbar-soreness'
import { ensureSeeded } from '../support/content'
import { type Person, rest, testPayload } from '../support/payload'
import { sql } from '../support/workflow'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
})

const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '\u0000\u202e\ud83d\ude00',
  '../../etc/passwd',
]

type Case = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown]

function cases(): Case[] {
  const list: Case[] = [
    ['POST', '/articles?draft=true', '{"title": '],
    ['POST', '/articles?draft=true', '[1, 2, 3]'],
    ['POST', '/articles?draft=true', { title: 42, summary: ['x'], topic: {}, body: 'not rich text', disclaimer: 1 }],
    ['POST', '/tips?draft=true', { title: 'x'.repeat(10_000), body: 'b', category: 'rest', stage: 'any' }],
    ['POST', '/tips?draft=true', JSON.stringify({ title: 'Huge', body: 'x'.repeat(10 * 1024 * 1024), category: 'rest', stage: 'any' })],
    ['POST', '/warnings?draft=true', { title: 'W', severity: 'apocalyptic', symptoms: 's', action: 'a' }],
    ['PATCH', '/tips/99999999?draft=true', { title: 'x' }],
    ['GET', '/tips/not-an-id'],
    ['GET', '/articles/1%27%20OR%201=1'],
    ['DELETE', '/articles/abc'],
    ['GET', '/articles?where[nonexistent][equals]=1'],
    ['POST', '/articles/abc/approve', { versionId: 'x' }],
    ['POST', '/articles/1/approve', '{"versionId": '],
    ['POST', '/articles/1/request-changes', { versionId: ['1'], comment: { $gt: '' } }],
    ['POST', '/users/login', '{'],
    ['POST', '/users/login', { email: { $ne: null }, password: { $ne: null } }],
    // Found by bench/fuzz.mjs: versions of collections that have none, NUL in text.
    ['GET', '/users/versions/1'],
    ['GET', '/workflow/versions/99999999'],
    ['GET', '/reviews/versions?limit=5'],
    ['GET', `/articles?where[title][equals]=${encodeURIComponent('a\u0000b')}`],
    ['POST', '/tips?draft=true', { title: 'NUL \u0000 inside', body: 'b', category: 'rest', stage: 'any' }],
    ['GET', '/articles?where[warnings][near]=1,2'],
    ['GET', '/tips?where[stage][equals]=%20'],
    ['PATCH', '/tips/1?draft=true', '""'],
    ['POST', '/tips?draft=true', '"just a string"'],
  ]
  for (const text of INJECTIONS) {
    list.push(['GET', `/articles?where[title][equals]=${encodeURIComponent(text)}&draft=true`])
    list.push(['POST', '/warnings?draft=true', { title: text, severity: text, symptoms: text, action: text }])
    list.push(['POST', `/tips/${encodeURIComponent(text)}/submit`, { versionId: text, comment: text }])
  }
  return list
}

const fingerprint = async () => {
  const { rows } = await sql(
    `select (select count(*) from articles)::int as articles, (select count(*) from tips where _status = 'published')::int as live_tips,
            (select count(*) from reviews)::int as reviews, (select review_content_hash from articles where slug = $1) as seeded_hash,
            (select count(*) from users)::int as users`,
    [ARTICLE_SLUG],
  )
  return rows[0]
}

describe('bad input', () => {
  it.each(['anonymous', 'editor', 'reviewer'] as Person[])(
    'answers %s with a 4xx and a message, and changes nothing stored',
    async (person) => {
      const before = await fingerprint()
      for (const [method, path, body] of cases()) {
        const response = await rest(person, method as never, path, body)
        const label = `${person} ${method} ${path} ${typeof body === 'string' ? body.slice(0, 30) : JSON.stringify(body)?.slice(0, 60)}`
        if (response.status >= 200 && response.status < 300) {
          // Some probes are legitimate reads that find nothing, or drafts a writer may save.
          expect(method === 'GET' || method === 'POST', label).toBe(true)
          continue
        }
        expect(response.status, label).toBeGreaterThanOrEqual(400)
        expect(response.status, label).toBeLessThan(500)
        expect(JSON.stringify(response.body?.errors ?? response.body), label).toMatch(/message/)
      }
      const after = await fingerprint()
      expect(after.seeded_hash).toBe(before.seeded_hash)
      expect(after.live_tips).toBe(before.live_tips)
      expect(after.reviews).toBe(before.reviews)
      expect(after.users).toBe(before.users)
    },
  )
})
