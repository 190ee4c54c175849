// What the production server says when it refuses: the reason, not "An unknown error
// occurred.", and the fields a validation error is about, which the admin marks. The
// integration tests call the route handlers unbundled and could not see either go missing.
import { expect, test } from '@playwright/test'
import { loginAs } from './support/admin'
import { Api, unique } from './support/api'

const tip = (marker: string) => ({ title: `Tip ${marker}`, body: `Rest when ${marker} says so.`, category: 'rest', stage: 'any' })

test('a refused publish, autosave or deletion says what was refused and why', async ({ request }) => {
  const api = new Api(request)
  const id = await api.publish('tips', tip(unique('REFUSED')))

  const publish = await api.attempt('editor', 'PATCH', `/tips/${id}`, { _status: 'published' })
  expect(publish.status).toBe(403)
  expect(publish.body.errors[0].message).toBe(
    "Only a medical reviewer's approval publishes. Save your change as a draft and submit it for review.",
  )

  const autosave = await api.attempt('editor', 'PATCH', `/tips/${id}?draft=true&autosave=true`, { title: 'Autosaved' })
  expect(autosave.status).toBe(403)
  expect(autosave.body.errors[0].message).toMatch(/^"autosave" is not allowed/)

  const deletion = await api.attempt('admin', 'DELETE', `/tips/${id}`)
  expect(deletion.status).toBe(409)
  expect(deletion.body.errors[0].message).toBe('This document has review records and cannot be deleted: retire it instead.')
})

test('a validation error names its fields, over the API and in the admin', async ({ browser, request }) => {
  const invalid = await new Api(request).attempt('editor', 'POST', '/tips?draft=true', {
    body: 'No title.',
    category: 'rest',
    stage: 'any',
  })
  expect(invalid.status).toBe(400)
  expect(invalid.body.errors[0].name).toBe('ValidationError')
  expect(invalid.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain('title')

  const editor = await loginAs(browser, 'editor')
  await editor.goto('/admin/collections/tips/create')
  await editor.getByRole('button', { name: 'Save Draft' }).click()
  await expect(editor.getByText(/The following fields are invalid/).first()).toBeVisible()
  // The admin marks the field itself only when the answer carries the field list.
  await expect(editor.locator('.field-type.text.error, .field-type.error').first()).toBeVisible()
  await editor.screenshot({ path: 'test-results/validation-error-in-admin.png' })
})
