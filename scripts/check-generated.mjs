#!/usr/bin/env node
// Fails when committed generated files (types, admin import map, migrations, the confusables
// table) are out of date with the Payload config or their source. Fix with `npm run generate` /
// `npm run migrate:create`, then commit.
import { execFileSync } from 'node:child_process'
import { runSteps } from './lib/run.mjs'

const GENERATED = ['payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'src/migrations', 'src/accounts/confusables']

const code = await runSteps([
  ['payload', 'generate:types'],
  ['payload', 'generate:importmap'],
  ['payload', 'migrate:create', 'schema-check', '--skip-empty'],
  ['node', 'scripts/generate-confusables.mjs'],
])
if (code !== 0) process.exit(code)

const changed = execFileSync('git', ['status', '--porcelain', '--', ...GENERATED], { encoding: 'utf8' }).trim()
if (changed) {
  console.error(`vetted: generated files are out of date with the config:\n${changed}`)
  console.error('Run `npm run generate` (types, import map) or `npm run migrate:create -- <name>` (schema), review, and commit.')
  process.exit(1)
}
console.log('vetted: generated files are in sync with the config.')
