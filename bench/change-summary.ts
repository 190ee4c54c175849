// The reviewer's change summary (src/workflow/changes.ts): time and memory of one
// summary of the seeded article against big and small drafts, for the bounded diff
// and, side by side, for the previous word-LCS implementation (copied below).
//
//   npx tsx bench/change-summary.ts
//
// No database and no server. Each case runs in its own child process (a fresh heap,
// run with --expose-gc): memory is the growth of the peak resident set (maxRSS) and
// of the V8 heap over the first summary; time is the median of several summaries.
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import { lumbarSorenessContent } from '../seed/content/lumbar-soreness'
import { lexicalFromSections } from '../seed/lexical'
import { readSourceText } from '../seed/source-text'
import { lexicalText } from '../src/workflow/lexical-text'
import { REVIEWED_FIELDS, summarizeChanges } from '../src/workflow'
import { randomSource } from './generator/random'

const HERE = fileURLToPath(import.meta.url)
const SOURCE_FILE = path.join(path.dirname(HERE), '../seed/lumbar-soreness-early-pregnancy.txt')
const RUNS = 7

// ---------------------------------------------------------------------------
// The PREVIOUS implementation, as it was before the bounded diff, for comparison
// only: an LCS table of (live words x draft words), capped at 4000 x 4000 cells.
// ---------------------------------------------------------------------------
type PreviousSegment = { kind: 'same' | 'added' | 'removed'; text: string }
const PREVIOUS_MAX_DIFF_WORDS = 4000

function previousDiffWords(before: string, after: string): PreviousSegment[] {
  const a = before.match(/\S+\s*|\s+/g) ?? []
  const b = after.match(/\S+\s*|\s+/g) ?? []
  if (a.length * b.length > PREVIOUS_MAX_DIFF_WORDS * PREVIOUS_MAX_DIFF_WORDS) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: PreviousSegment[] = []
  const push = (kind: PreviousSegment['kind'], text: string) => {
    const last = out.at(-1)
    if (last && last.kind === kind) last.text += text
    else out.push({ kind, text })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!)
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('removed', a[i++]!)
    } else {
      push('added', b[j++]!)
    }
  }
  while (i < a.length) push('removed', a[i++]!)
  while (j < b.length) push('added', b[j++]!)
  return out
}

function previousAsText(field: string, value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'object' && !Array.isArray(value)) return lexicalText(value)
  if (field === 'references' && Array.isArray(value)) {
    return value.map((ref: Record<string, unknown>) => [ref.title, ref.publisher, ref.year, ref.url].filter(Boolean).join(', ')).join('\n')
  }
  if (field === 'releaseDate' && typeof value === 'string') return value.slice(0, 10)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function previousSummary(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields: { field: string; segments: PreviousSegment[] }[] = []
  for (const field of REVIEWED_FIELDS.articles) {
    const was = previousAsText(field, before[field])
    const now = previousAsText(field, after[field])
    if (was !== now) fields.push({ field, segments: previousDiffWords(was, now) })
  }
  return fields
}
// --------------------------- end of the previous implementation -----------------

type Block = Record<string, unknown>
type Doc = { root: { children: Block[] } & Record<string, unknown> }

const live = lumbarSorenessContent(readSourceText(SOURCE_FILE)).article as unknown as Record<string, unknown> & { body: Doc }
const liveBlocks = live.body.root.children
const wordCount = (doc: unknown) => lexicalText(doc).split(/\s+/).filter(Boolean).length
const LIVE_WORDS = wordCount(live.body)

const random = randomSource(20261201)
/** Made-up words, none of them in the article; each prefix its own vocabulary. */
const vocabulary = (prefix: string) => Array.from({ length: 3000 }, (_, i) => `${prefix}${i.toString(36)}`)
const ZQ = vocabulary('zq')
const sentence = (words: number, from: string[]) => Array.from({ length: words }, () => random.pick(from)).join(' ') + '.'
/** Paragraph nodes, built by the seed's own builder. */
const paragraphs = (count: number, words: number, from = ZQ) =>
  lexicalFromSections([{ paragraphs: Array.from({ length: count }, () => sentence(words, from)) }]).root.children as unknown as Block[]
const withBody = (children: Block[]) => ({ ...live, body: { root: { ...live.body.root, children } } })

/** New paragraphs after each of the article's, then at the end, up to `total` words in all. */
function inserted(total: number) {
  const perGap = Math.floor((total - LIVE_WORDS) / (liveBlocks.length + 1) / 100)
  const children = liveBlocks.flatMap((block) => [block, ...paragraphs(perGap, 100)])
  const rest = total - LIVE_WORDS - perGap * liveBlocks.length * 100
  children.push(...paragraphs(Math.floor(rest / 100), 100), ...paragraphs(rest % 100 ? 1 : 0, rest % 100))
  return withBody(children)
}

/** Paragraphs of 100 words, none of them the article's. */
const different = (total: number, from = ZQ) => withBody(paragraphs(Math.round(total / 100), 100, from))

/** An editor's ordinary revision: a reworded sentence, an added sentence, "not" struck through, a link. */
function smallEdit() {
  const children = structuredClone(liveBlocks) as Block[]
  const textOf = (block: Block) => ((block.children as Block[])[0]?.text as string) ?? ''
  const find = (opening: string) => children.find((block) => textOf(block).startsWith(opening))!
  const rest = find('It is suggested that pregnant mothers should rest more')
  ;(rest.children as Block[])[0]!.text = textOf(rest).replace('rest more', 'rest a little more each day')
  const walking = find('When walking, be mindful')
  ;(walking.children as Block[])[0]!.text = `${textOf(walking)} Stop if you feel dizzy.`
  const climbing = find('It is not recommended to engage')
  const [head, tail] = [textOf(climbing).slice(0, 6), textOf(climbing).slice(9)]
  const text = (value: string, format = 0) => ({ ...(climbing.children as Block[])[0], text: value, format })
  climbing.children = [text(head), text('not', 4), text(tail)]
  const link = {
    type: 'link',
    fields: { url: 'https://www.nhs.uk/pregnancy/', newTab: true, linkType: 'custom' },
    children: [text(' See the NHS guide.')],
  }
  ;(find('If the condition is severe').children as Block[]).push(link)
  return withBody(children)
}

// The previous diff's table is (live words x draft words) cells, up to 4000 x 4000.
const PREVIOUS_WORST = Math.floor(PREVIOUS_MAX_DIFF_WORDS ** 2 / (LIVE_WORDS + 1))

const CASES: Record<string, { label: string; draft: () => Record<string, unknown>; live?: () => Record<string, unknown> }> = {
  a: { label: '(a) 20,000 words: text inserted', draft: () => inserted(20_000) },
  b: { label: '(b) 20,000 words: all different', draft: () => different(20_000) },
  c: { label: '(c) small realistic edit', draft: smallEdit },
  d: { label: "(d) text inserted: previous cap's worst", draft: () => inserted(PREVIOUS_WORST) },
  e: { label: '(e) 20,000 all different, live 20,000*', draft: () => different(20_000), live: () => different(20_000, vocabulary('xv')) },
}
type CaseName = keyof typeof CASES & string
type Implementation = 'bounded' | 'previous'

type Measure = { draftWords: number; result: string; medianMs: number; rssMb: number; heapMb: number }

function describe(implementation: Implementation, live: Record<string, unknown>, draft: Record<string, unknown>): string {
  if (implementation === 'bounded') {
    const body = summarizeChanges('articles', live, draft).fields.find((f) => f.field === 'body')
    if (!body) return 'no change'
    if (body.tooLarge) return 'too large to summarise'
    const words = (kind: string) =>
      body.segments.filter((s) => s.kind === kind).reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0)
    return `${body.segments.length} segments, +${words('added')} -${words('removed')} words`
  }
  const body = previousSummary(live, draft).find((f) => f.field === 'body')
  if (!body) return 'no change'
  const [first, second] = body.segments
  if (body.segments.length === 2 && first?.kind === 'removed' && second?.kind === 'added') return 'gave up: all removed, all added'
  return `${body.segments.length} segments`
}

function measure(name: CaseName, implementation: Implementation): Measure {
  const before = CASES[name]!.live?.() ?? live
  const draft = CASES[name]!.draft()
  const summarise = () => (implementation === 'bounded' ? summarizeChanges('articles', before, draft) : previousSummary(before, draft))
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const rssBefore = process.resourceUsage().maxRSS
  const heapBefore = v8.getHeapStatistics().total_heap_size
  summarise()
  const rssMb = (process.resourceUsage().maxRSS - rssBefore) / 1024
  const heapMb = (v8.getHeapStatistics().total_heap_size - heapBefore) / 2 ** 20
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    summarise()
    times.push(performance.now() - started)
  }
  times.sort((x, y) => x - y)
  return { draftWords: wordCount(draft.body), result: describe(implementation, before, draft), medianMs: times[RUNS >> 1]!, rssMb, heapMb }
}

function inChild(name: CaseName, implementation: Implementation): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = fork(HERE, ['--child', name, implementation], { execArgv: [...process.execArgv, '--expose-gc'] })
    child.once('message', (message) => resolve(message as Measure))
    child.once('error', reject)
    child.once('exit', (code) => code !== 0 && reject(new Error(`${name}/${implementation} exited with ${code}`)))
  })
}

if (process.argv[2] === '--child') {
  process.send!(measure(process.argv[3] as CaseName, process.argv[4] as Implementation), () => process.exit(0))
} else {
  console.log(`Seeded article: ${LIVE_WORDS} words, ${liveBlocks.length} blocks. Node ${process.version}, median of ${RUNS} runs.`)
  const columns = ['case', 'draft words', 'implementation', 'body summary', 'median ms', 'peak RSS +MB', 'heap +MB']
  const rows: string[][] = []
  for (const name of Object.keys(CASES) as CaseName[]) {
    for (const implementation of ['bounded', 'previous'] as const) {
      const m = await inChild(name, implementation)
      rows.push([
        CASES[name]!.label,
        m.draftWords.toLocaleString('en'),
        implementation,
        m.result,
        m.medianMs.toFixed(2),
        m.rssMb.toFixed(1),
        m.heapMb.toFixed(1),
      ])
    }
  }
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)))
  const format = (row: string[]) => row.map((cell, i) => (i >= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')
  console.log(format(columns))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const row of rows) console.log(format(row))
  console.log("* (e) compares two unrelated 20,000-word bodies, not the article: the bounded diff's most expensive refusal.")
}
