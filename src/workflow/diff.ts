// A bounded text diff for the reviewer's change summary. Myers' O(ND) algorithm in
// linear space (middle snake, then split), run first over whole lines (one block per
// line) and then over the words of each run of changed lines only. Its cost grows
// with the size of the input and of the edit, never with their product, and it gives
// up (returns null) rather than go past a size, edit, work or time budget.

export type WordSegment = { kind: 'same' | 'added' | 'removed'; text: string }

/** One step of an edit script: `count` items kept, removed from the first sequence or added from the second. */
export type Edit = { kind: WordSegment['kind']; count: number }

export type DiffLimits = {
  /** Characters of both texts together, per field: above it a field is too large to summarise. */
  maxChars: number
  /** Edit distance (lines, or words) of any one alignment the diff computes. */
  maxEdits: number
  /** Loop steps for a whole summary: the deterministic cap on CPU time. */
  maxWork: number
  /** Wall-clock time for a whole summary: a backstop for a slow or busy machine. */
  maxMillis: number
}

// Why these figures (see bench/change-summary.ts): a realistic edit of the seeded
// article takes a few thousand steps, and 2,000,000 steps take some 20-40 ms on the
// two-core machine the benchmark ran on. Aligning 2,000 changed words (pages of
// rewriting, past which a word-level summary is no longer readable) needs about
// 1,000,000 steps, so the edit cap is met before the work cap on unrelated texts.
// 1,000,000 characters is some 150,000 words, far past any article. The deadline only
// catches a machine too busy for a step count to mean what it should.
export const DIFF_LIMITS: DiffLimits = { maxChars: 1_000_000, maxEdits: 2_000, maxWork: 2_000_000, maxMillis: 100 }

/** Reading the clock costs little, but not nothing: read it once per this many steps. */
const CLOCK_EVERY = 10_000

/** Work shared by every diff of one summary. Once spent, it stays spent. */
export class WorkBudget {
  private spent = 0
  private sinceClock = 0
  private over = false

  constructor(
    private readonly maxWork: number,
    private readonly deadline: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  static start(limits: DiffLimits, now: () => number = () => performance.now()): WorkBudget {
    return new WorkBudget(limits.maxWork, now() + limits.maxMillis, now)
  }

  /** Records work done; false once the budget (work or time) is exhausted. */
  spend(steps: number): boolean {
    if (this.over) return false
    this.spent += steps
    this.sinceClock += steps
    if (this.spent > this.maxWork) this.over = true
    else if (this.sinceClock >= CLOCK_EVERY) {
      this.sinceClock = 0
      if (this.now() > this.deadline) this.over = true
    }
    return !this.over
  }

  get used(): number {
    return this.spent
  }

  get exhausted(): boolean {
    return this.over
  }
}

class EditList {
  readonly edits: Edit[] = []
  push(kind: Edit['kind'], count: number) {
    if (count === 0) return
    const last = this.edits.at(-1)
    if (last && last.kind === kind) last.count += count
    else this.edits.push({ kind, count })
  }
}

type Split = { x: number; y: number } | 'replace' | null

/**
 * A shortest edit script from `a` to `b`, or null when its edit distance is over
 * `maxEdits` or the budget runs out. Time O((N + M) * D); memory O(min(N + M, maxEdits))
 * for the search plus O(D) for the script: no table of N x M.
 */
export function myersDiff(a: Int32Array, b: Int32Array, budget: WorkBudget, maxEdits: number): Edit[] | null {
  // The edit distance is at least the difference in length: no need to search.
  if (Math.abs(a.length - b.length) > maxEdits) return null
  const out = new EditList()
  // Round d of the middle-snake search finds edit distances 2d-1 and 2d.
  const rounds = Math.min(Math.ceil(maxEdits / 2), Math.ceil((a.length + b.length) / 2)) + 1
  const offset = rounds + 1
  const forward = new Int32Array(2 * offset + 1)
  const backward = new Int32Array(2 * offset + 1)

  /**
   * Where a shortest path through a[aLo, aHi) x b[bLo, bHi) crosses the middle, found
   * by searching from both corners at once (the inputs share no prefix or suffix, so
   * the point is neither corner and both halves are smaller problems).
   */
  const bisect = (aLo: number, aHi: number, bLo: number, bHi: number): Split => {
    // Locals, not the closure's: reads in the hot loops below cost a third less.
    const fw = forward
    const bw = backward
    const sa = a
    const sb = b
    const n = aHi - aLo
    const m = bHi - bLo
    const delta = n - m
    const odd = (delta & 1) !== 0
    const exhaustive = Math.ceil((n + m) / 2)
    const limit = Math.min(exhaustive, rounds)
    const lo = offset - limit - 1
    const hi = offset + limit + 1
    fw.fill(-1, lo, hi + 1)
    bw.fill(-1, lo, hi + 1)
    fw[offset + 1] = 0
    bw[offset + 1] = 0
    if (!budget.spend(hi - lo)) return null
    // Diagonals that ran off the grid are dropped from later rounds.
    let forwardStart = 0
    let forwardEnd = 0
    let backwardStart = 0
    let backwardEnd = 0
    for (let d = 0; d < limit; d++) {
      let steps = 0
      for (let k = -d + forwardStart; k <= d - forwardEnd; k += 2) {
        const i = offset + k
        let x = k === -d || (k !== d && fw[i - 1]! < fw[i + 1]!) ? fw[i + 1]! : fw[i - 1]! + 1
        let y = x - k
        const from = x
        while (x < n && y < m && sa[aLo + x] === sb[bLo + y]) {
          x++
          y++
        }
        steps += 1 + x - from
        fw[i] = x
        if (x > n) forwardEnd += 2
        else if (y > m) forwardStart += 2
        else if (odd) {
          const j = offset + delta - k
          if (j >= lo && j <= hi && bw[j] !== -1 && x >= n - bw[j]!) return { x: aLo + x, y: bLo + y }
        }
      }
      // The same search from the ends of both sequences backwards.
      for (let k = -d + backwardStart; k <= d - backwardEnd; k += 2) {
        const i = offset + k
        let x = k === -d || (k !== d && bw[i - 1]! < bw[i + 1]!) ? bw[i + 1]! : bw[i - 1]! + 1
        let y = x - k
        const from = x
        while (x < n && y < m && sa[aHi - 1 - x] === sb[bHi - 1 - y]) {
          x++
          y++
        }
        steps += 1 + x - from
        bw[i] = x
        if (x > n) backwardEnd += 2
        else if (y > m) backwardStart += 2
        else if (!odd) {
          const j = offset + delta - k
          if (j >= lo && j <= hi && fw[j] !== -1 && fw[j]! >= n - x) {
            const fx = fw[j]!
            return { x: aLo + fx, y: bLo + fx - (delta - k) }
          }
        }
      }
      if (!budget.spend(steps)) return null
    }
    // Searched every distance without meeting: nothing in common.
    return limit === exhaustive ? 'replace' : null
  }

  const compare = (aLo: number, aHi: number, bLo: number, bHi: number): boolean => {
    let head = 0
    while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++
    let tail = 0
    while (aHi - tail > aLo + head && bHi - tail > bLo + head && a[aHi - 1 - tail] === b[bHi - 1 - tail]) tail++
    if (!budget.spend(1 + head + tail)) return false
    out.push('same', head)
    const a0 = aLo + head
    const a1 = aHi - tail
    const b0 = bLo + head
    const b1 = bHi - tail
    if (a0 === a1) out.push('added', b1 - b0)
    else if (b0 === b1) out.push('removed', a1 - a0)
    else {
      const split = bisect(a0, a1, b0, b1)
      if (split === null) return false
      if (split === 'replace') {
        out.push('removed', a1 - a0)
        out.push('added', b1 - b0)
      } else if (!compare(a0, split.x, b0, split.y) || !compare(split.x, a1, split.y, b1)) {
        return false
      }
    }
    out.push('same', tail)
    return true
  }

  return compare(0, a.length, 0, b.length) ? out.edits : null
}

/** Strings to small integers, so the diff compares numbers, not strings. */
class Interner {
  private readonly ids = new Map<string, number>()
  of(items: readonly string[]): Int32Array {
    const out = new Int32Array(items.length)
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!
      let id = this.ids.get(item)
      if (id === undefined) {
        id = this.ids.size
        this.ids.set(item, id)
      }
      out[i] = id
    }
    return out
  }
}

/** Segments with neighbours of one kind merged, and in each change what went before what came. */
class SegmentList {
  private readonly segments: WordSegment[] = []
  private removed = ''
  private added = ''

  push(kind: WordSegment['kind'], text: string) {
    if (kind === 'removed') this.removed += text
    else if (kind === 'added') this.added += text
    else if (text) {
      this.flush()
      const last = this.segments.at(-1)
      if (last?.kind === 'same') last.text += text
      else this.segments.push({ kind, text })
    }
  }

  finish(): WordSegment[] {
    this.flush()
    return this.segments
  }

  private flush() {
    if (this.removed) this.segments.push({ kind: 'removed', text: this.removed })
    if (this.added) this.segments.push({ kind: 'added', text: this.added })
    this.removed = ''
    this.added = ''
  }
}

/** Lines with their newline; compared without it, as the last line has none. */
const lines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? []
const lineKey = (line: string) => (line.endsWith('\n') ? line.slice(0, -1) : line)
/** A word and the space after it: the old summary's unit, so unchanged spacing reads as unchanged. */
const words = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? []

/** Emits an edit script's segments, taking the text of each step from the two token lists. */
function emit(edits: readonly Edit[], a: readonly string[], b: readonly string[], out: SegmentList) {
  let i = 0
  let j = 0
  for (const { kind, count } of edits) {
    if (kind === 'added') {
      out.push(kind, b.slice(j, j + count).join(''))
      j += count
    } else {
      out.push(kind, a.slice(i, i + count).join(''))
      i += count
      if (kind === 'same') j += count
    }
  }
}

/**
 * What changed from `before` to `after`, by lines, then by words within changed lines.
 * Null when the texts are over `maxChars` or the diff would go over its budget.
 */
export function diffText(
  before: string,
  after: string,
  limits: DiffLimits = DIFF_LIMITS,
  budget: WorkBudget = WorkBudget.start(limits),
): WordSegment[] | null {
  if (before.length + after.length > limits.maxChars) return null
  if (before === after) return before ? [{ kind: 'same', text: before }] : []
  const a = lines(before)
  const b = lines(after)
  const lineIds = new Interner()
  const lineEdits = myersDiff(lineIds.of(a.map(lineKey)), lineIds.of(b.map(lineKey)), budget, limits.maxEdits)
  if (!lineEdits) return null

  const out = new SegmentList()
  const wordIds = new Interner()
  let i = 0
  let j = 0
  // The run of changed lines not yet emitted: a[runA, i) and b[runB, j).
  let runA = 0
  let runB = 0
  const emitRun = (): boolean => {
    const removed = a.slice(runA, i).join('')
    const added = b.slice(runB, j).join('')
    if (!removed || !added) {
      out.push('removed', removed)
      out.push('added', added)
      return true
    }
    const wa = words(removed)
    const wb = words(added)
    const edits = myersDiff(wordIds.of(wa), wordIds.of(wb), budget, limits.maxEdits)
    if (!edits) return false
    emit(edits, wa, wb, out)
    return true
  }
  for (const { kind, count } of lineEdits) {
    if (kind === 'removed') i += count
    else if (kind === 'added') j += count
    else {
      if (!emitRun()) return null
      // Equal lines differ at most by the newline the last line of one text lacks.
      const was = a.slice(i, i + count).join('')
      const now = b.slice(j, j + count).join('')
      out.push('same', was.length <= now.length ? was : now)
      if (was.length < now.length) out.push('added', '\n')
      if (was.length > now.length) out.push('removed', '\n')
      i += count
      j += count
      runA = i
      runB = j
    }
  }
  return emitRun() ? out.finish() : null
}
