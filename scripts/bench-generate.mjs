#!/usr/bin/env node
// npm run bench:generate -- --articles 10000 --versions 20
// (payload run does not pass flags through to the script, so they travel as env.)
import { run } from './lib/run.mjs'

const value = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : process.argv[index + 1]
}
if (process.env.NODE_ENV === 'production') {
  console.error('vetted: bench:generate writes thousands of made-up, published articles; it refuses to run with NODE_ENV=production.')
  process.exit(2)
}
const env = { GENERATE_ARTICLES: value('articles', '1000'), GENERATE_VERSIONS: value('versions', '20') }
process.exit(await run('node', ['scripts/with-db.mjs', '--', 'payload', 'run', 'bench/generate.ts'], { env }))
