// Checks that cited sources' addresses still answer. Runs as a background job (never on the
// approval path). Addresses on private networks are refused (an editor's URL must not make the
// server probe the internal network), checked on every hop and pinned at connection time so a
// name cannot resolve to a public address first and a private one next. Tests, which serve
// their pages on loopback, allow it with LINK_CHECK_ALLOW_PRIVATE=1.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { isPrivateAddress } from './private-address'

export { isPrivateAddress }

export type LinkResult = { status: 'ok' | 'broken'; problem: string | null }

const MAX_REDIRECTS = 5
const TIMEOUT_MS = 10_000
/** However the server trickles its answer, one address is given up on after this. */
const DEADLINE_MS = 15_000
/** Answers that often mean "no robots" rather than "gone": recorded, not flagged. */
const UNVERIFIABLE = new Set([401, 403, 429])

export const allowPrivateAddresses = (env: NodeJS.ProcessEnv = process.env) => env.LINK_CHECK_ALLOW_PRIVATE === '1'

const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const list = addresses as LookupAddress[]
      const refused = list.find((entry) => !allowPrivate && isPrivateAddress(entry.address))
      if (refused || list.length === 0) return callback(Object.assign(new Error('private address refused'), { code: 'EPRIVATE' }), '', 4)
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }

function ask(url: URL, method: 'HEAD' | 'GET', allowPrivate: boolean): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '')
    if (isIP(literal) && !allowPrivate && isPrivateAddress(literal))
      return reject(Object.assign(new Error('private address refused'), { code: 'EPRIVATE' }))
    const timedOut = () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
    const deadline = setTimeout(timedOut, DEADLINE_MS)
    const req = send(
      url,
      { method, lookup: guardedLookup(allowPrivate), timeout: TIMEOUT_MS, headers: { 'user-agent': 'Vetted link check', accept: '*/*' } },
      (res) => {
        clearTimeout(deadline)
        // Only the status matters: the body is never read.
        res.destroy()
        resolve(res)
      },
    )
    req.on('timeout', timedOut)
    req.on('error', (error) => {
      clearTimeout(deadline)
      reject(error)
    })
    req.end()
  })
}

const describe = (error: unknown): string => {
  const code = (error as { code?: string }).code
  if (code === 'EPRIVATE') return 'the address is on a private network'
  if (code === 'ETIMEDOUT') return `no answer within ${TIMEOUT_MS / 1000} s`
  if (code === 'ENOTFOUND') return 'the site name does not exist'
  if (code === 'ECONNREFUSED') return 'the site refused the connection'
  return `could not connect (${code ?? String(error).slice(0, 80)})`
}

/** Whether one address answers, following up to five redirects. */
export async function checkLink(address: string, allowPrivate = allowPrivateAddresses()): Promise<LinkResult> {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return { status: 'broken', problem: 'not a valid address' }
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { status: 'broken', problem: 'not an http(s) address' }
    let res: IncomingMessage
    try {
      res = await ask(url, 'HEAD', allowPrivate)
      if (res.statusCode === 405 || res.statusCode === 501) res = await ask(url, 'GET', allowPrivate)
    } catch (error) {
      return { status: 'broken', problem: describe(error) }
    }
    const code = res.statusCode ?? 0
    if (code >= 300 && code < 400 && res.headers.location) {
      url = new URL(res.headers.location, url)
      continue
    }
    if (code >= 200 && code < 300) return { status: 'ok', problem: null }
    if (UNVERIFIABLE.has(code)) return { status: 'ok', problem: `answered ${code}: the site may not allow automated checks` }
    return { status: 'broken', problem: `answered HTTP ${code}` }
  }
  return { status: 'broken', problem: `more than ${MAX_REDIRECTS} redirects` }
}
