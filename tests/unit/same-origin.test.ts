import { describe, expect, it } from 'vitest'
import { CROSS_ORIGIN_MESSAGE, crossOriginProblem } from '../../src/http/same-origin'

const request = (method: string, headers: Record<string, string>, serverUrl?: string) =>
  crossOriginProblem({ method, headers: new Headers(headers), serverUrl })

const cookie = { cookie: 'theme=dark; payload-token=abc.def.ghi', host: '127.0.0.1:3000' }

describe('writes made with the login cookie', () => {
  it('come only from the same origin, by the browser’s Sec-Fetch-Site', () => {
    expect(request('POST', { ...cookie, 'sec-fetch-site': 'same-origin' })).toBeNull()
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(request('POST', { ...cookie, 'sec-fetch-site': site }), site).toBe(CROSS_ORIGIN_MESSAGE)
    }
    for (const method of ['PATCH', 'PUT', 'DELETE'])
      expect(request(method, { ...cookie, 'sec-fetch-site': 'same-site' })).toBe(CROSS_ORIGIN_MESSAGE)
  })

  it('without Sec-Fetch-Site, by the Origin’s host against the request’s host or SERVER_URL', () => {
    expect(request('POST', { ...cookie, origin: 'http://127.0.0.1:3000' })).toBeNull()
    expect(request('POST', { ...cookie, origin: 'http://127.0.0.1:4000' })).toBe(CROSS_ORIGIN_MESSAGE)
    expect(request('POST', { ...cookie, origin: 'https://comments.example.org' })).toBe(CROSS_ORIGIN_MESSAGE)
    expect(request('POST', { ...cookie, origin: 'null' })).toBe(CROSS_ORIGIN_MESSAGE)
    // Behind a proxy that rewrites Host: the public origin is SERVER_URL's, or the forwarded host.
    expect(request('POST', { ...cookie, origin: 'https://health.example.org' }, 'https://health.example.org')).toBeNull()
    expect(request('POST', { ...cookie, origin: 'https://health.example.org', 'x-forwarded-host': 'health.example.org' })).toBeNull()
  })

  it('leave alone reads, requests without the cookie, a bearer of a token, and non-browsers', () => {
    expect(request('GET', { ...cookie, 'sec-fetch-site': 'cross-site' })).toBeNull()
    expect(request('POST', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' })).toBeNull()
    expect(request('POST', { ...cookie, authorization: 'JWT abc', 'sec-fetch-site': 'cross-site' })).toBeNull()
    expect(request('POST', { ...cookie })).toBeNull()
    expect(request('POST', { cookie: 'not-payload-token=1', 'sec-fetch-site': 'cross-site' })).toBeNull()
  })
})
