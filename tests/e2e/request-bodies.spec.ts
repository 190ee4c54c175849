// On the production server: a body over the limit is refused with a 413 while it arrives
// (declared or chunked, on Payload's REST and GraphQL, the endpoints Vetted adds and the
// admin's server actions), and the server goes on serving. Before, one anonymous 120 MB body
// exhausted the heap and the process was gone.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { expect, test } from '@playwright/test'

const MiB = 1024 * 1024
const baseURL = () => test.info().project.use.baseURL!

type Answer = { status: number; body: string; sent: number }

/**
 * Sends `size` bytes (declared in Content-Length, or chunked), stopping once the server has
 * answered. Resolves with the answer and how much was sent before it.
 */
function sendLarge(path: string, size: number, { declared, headers = {} }: { declared: boolean; headers?: Record<string, string> }) {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, baseURL())
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': String(size) } : {}), ...headers },
    })
    let sent = 0
    let answered = false
    const chunk = Buffer.alloc(64 * 1024, ' ')
    request.on('response', (response) => {
      answered = true
      const parts: Buffer[] = []
      response.on('data', (part) => parts.push(part))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString(), sent })
        request.destroy()
      })
    })
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const write = () => {
      while (!answered && sent < size) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once('drain', write)
      }
      if (!answered) request.end()
    }
    write()
  })
}

const tooLarge = 'The request body is larger than 1 MB (1048576 bytes), the most this server accepts.'

for (const [path, declared] of [
  ['/api/graphql', true],
  ['/api/graphql', false],
  ['/api/users/login', true],
  ['/api/users/login', false],
  ['/api/feedback/send', false],
  ['/api/articles/1/approve', false],
] as const) {
  test(`a 120 MB ${declared ? 'declared' : 'chunked'} body to ${path} is refused while it arrives, and the site goes on`, async ({
    request,
  }) => {
    const answer = await sendLarge(path, 120 * MiB, { declared })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0].message).toBe(tooLarge)
    // Refused early: far less than the 120 MB was sent (socket buffers hold a few MB at most).
    expect(answer.sent).toBeLessThan(32 * MiB)
    expect((await request.get('/')).status()).toBe(200)
  })
}

test('a server action must declare a body within the limit (413, or 411 without a length)', async ({ request }) => {
  // The admin's server function, as Next.js registered it in this build.
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8'))
  const [actionId] = Object.keys(manifest.node)
  const headers = { 'next-action': actionId!, 'content-type': 'text/plain' }
  const declared = await sendLarge('/admin', 120 * MiB, { declared: true, headers })
  expect(declared.status).toBe(413)
  expect(JSON.parse(declared.body).errors[0].message).toBe(tooLarge)
  const chunked = await sendLarge('/admin', 120 * MiB, { declared: false, headers })
  // Next.js reads the rest of the body before the proxy's answer goes out, keeping at most the
  // limit of it (proxyClientMaxBodySize): the server stays small, the client sends it all.
  expect(chunked.status).toBe(411)
  expect((await request.get('/')).status()).toBe(200)
})
