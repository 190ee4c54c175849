// Never a leak: unique markers planted in every non-public state must not reach an
// anonymous client through any route. Then one is approved, and exactly it appears.
import { test } from '@playwright/test'
import { defineNoLeakTests } from './support/no-leak-suite'

test.describe.configure({ mode: 'serial' })

defineNoLeakTests(({ request, baseURL }) => ({ actions: request, readers: baseURL }))
