// A page on another origin of the same site (here another port of 127.0.0.1) cannot act with a
// reviewer's login cookie: SameSite=Lax sends the cookie to same-site requests, and a form or a
// `no-cors` fetch needs no preflight. Tried in Chromium against a server without SERVER_URL (every
// development setup, and a production that forgets it), where Payload takes the cookie from any
// origin: the approval, a GraphQL mutation and a form post all leave the content as it was.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { Api, unique } from './support/api'
import { type AppServer, startAppServer } from './support/app-server'

test.describe.configure({ mode: 'serial' })

let app: AppServer
let other: http.Server
let otherUrl = ''
let attackPage = ''

test.beforeAll(async () => {
  test.setTimeout(120_000)
  app = await startAppServer({ SERVER_URL: undefined })
  other = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(attackPage)
  })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await app?.stop()
  other?.close()
})

/** What a page of the other origin can send without a preflight, each with the cookie. */
function attacks(appUrl: string, tipId: string, versionId: string, marker: string) {
  const approval = JSON.stringify({ versionId, readingLevelAcknowledged: true, comment: 'Approved from elsewhere.' })
  const mutation = JSON.stringify({ query: `mutation { updateTip(id: ${tipId}, draft: true, data: { body: "${marker}" }) { id } }` })
  return `<!doctype html><title>Another origin</title>
<iframe name="sink"></iframe>
<form id="form" method="post" enctype="text/plain" target="sink" action="${appUrl}/api/tips/${tipId}/approve">
  <input name='${approval.slice(0, -1)}, "x": "' value='"}'>
</form>
<script>
  const send = (path, body, type) =>
    fetch('${appUrl}' + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': type }, body }).catch(() => null)
  window.done = (async () => {
    await send('/api/tips/${tipId}/approve', ${JSON.stringify(approval)}, 'text/plain')
    await send('/api/tips/${tipId}/approve', new Blob([${JSON.stringify(approval)}]), 'application/x-www-form-urlencoded')
    await send('/api/graphql', ${JSON.stringify(mutation)}, 'text/plain')
    document.getElementById('form').submit()
    await new Promise((resolve) => document.querySelector('iframe').addEventListener('load', resolve))
    return true
  })()
</script>`
}

test('a page on another port cannot approve, or change content, with the reviewer’s cookie', async ({ browser, request }) => {
  test.setTimeout(120_000)
  const api = new Api(request)
  const marker = unique('CROSSORIGIN')
  const tipId = await api.draft('tips', { title: `Tip ${marker}`, body: `Rest ${marker}.`, category: 'rest', stage: 'any' })
  const versionId = await api.submit('tips', tipId)

  // The reviewer is logged in to the app (the server without SERVER_URL) in this browser.
  const context = await browser.newContext()
  const reviewer = await context.newPage()
  await reviewer.goto(`${app.url}/admin/login`)
  await reviewer.getByLabel('Email').fill('reviewer@example.com')
  await reviewer.getByLabel('Password').fill(process.env.SEED_PASSWORD || 'vetted-demo')
  await reviewer.getByRole('button', { name: 'Login' }).click()
  await expect(reviewer).toHaveURL(/\/admin\/?$/)

  // The same browser opens a page on another origin of the same site.
  attackPage = attacks(app.url, tipId, versionId, `Changed ${marker}`)
  const page = await context.newPage()
  await page.goto(`${otherUrl}/`)
  expect(await page.evaluate(() => (window as unknown as { done: Promise<boolean> }).done)).toBe(true)

  const status = await api.call('editor', 'GET', `/tips/${tipId}/workflow`)
  expect(status.state).toBe('in_review')
  expect((await api.call('editor', 'GET', `/tips/${tipId}?draft=true`)).body).toBe(`Rest ${marker}.`)

  // The reviewer's own pages still work with the same cookie: the approval from the admin origin.
  const own = await reviewer.evaluate(
    async ({ tipId, versionId }) => {
      const response = await fetch(`/api/tips/${tipId}/approve`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ versionId, readingLevelAcknowledged: true }),
      })
      return response.status
    },
    { tipId, versionId },
  )
  expect(own).toBe(200)
  await context.close()
})
