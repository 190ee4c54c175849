// npm run bench:generate -- --articles 10000 --versions 20 (see scripts/bench-generate.mjs)
// Top-level await: `payload run` exits when this module finishes evaluating.
import { getPayload } from 'payload'
import config from '../payload.config'
import { generate } from './generator'

function option(name: string, fallback: number): number {
  const raw = process.env[`GENERATE_${name.toUpperCase()}`]
  const value = raw === undefined ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number`)
    process.exit(2)
  }
  return value
}

const articles = option('articles', 1000)
const versions = option('versions', 20)
const payload = await getPayload({ config })
const started = performance.now()
const report = await generate(payload, {
  articles,
  versions,
  onProgress: ({ articles: done, documents, versions: written }) => {
    const width = 30
    const filled = Math.round((done / articles) * width)
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${articles} articles · ${(documents / seconds).toFixed(0)} documents/s · ${(written / seconds).toFixed(0)} versions/s`,
    )
  },
})
process.stderr.write('\n')
const rate = (report.articles + report.tips + report.warnings) / report.seconds
console.log(
  `generated ${report.articles} articles, ${report.tips} tips, ${report.warnings} warnings, ${report.versions} versions, ${report.reviews} review records in ${report.seconds.toFixed(1)} s (${rate.toFixed(0)} documents/s, ${(report.versions / report.seconds).toFixed(0)} versions/s)`,
)
process.exit(0)
