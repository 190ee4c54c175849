import { describe, expect, it } from 'vitest'
import { DIFF_LIMITS, type DiffLimits, diffText, myersDiff, WorkBudget, type WordSegment } from '@/workflow'

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return Math.floor((state / 2 ** 32) * below)
  }
}

/** Length of a longest common subsequence, by the textbook table: the reference for minimality. */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let row = new Array<number>(b.length + 1).fill(0)
  for (let i = a.length - 1; i >= 0; i--) {
    const next = new Array<number>(b.length + 1).fill(0)
    for (let j = b.length - 1; j >= 0; j--) next[j] = a[i] === b[j] ? row[j + 1]! + 1 : Math.max(row[j]!, next[j + 1]!)
    row = next
  }
  return row[0]!
}

const unlimited = () => new WorkBudget(Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY)
const before = (segments: WordSegment[]) =>
  segments
    .filter((s) => s.kind !== 'added')
    .map((s) => s.text)
    .join('')
const after = (segments: WordSegment[]) =>
  segments
    .filter((s) => s.kind !== 'removed')
    .map((s) => s.text)
    .join('')
const changedTokens = (segments: WordSegment[]) =>
  segments.filter((s) => s.kind !== 'same').reduce((n, s) => n + (s.text.match(/\S+\s*|\s+/g) ?? []).length, 0)
const words = (count: number, prefix: string, pick: (n: number) => number, vocabulary = 3000) =>
  Array.from({ length: count }, () => `${prefix}${pick(vocabulary)}`).join(' ')

describe('Myers diff', () => {
  it('finds a shortest edit script that rebuilds both sequences (random property)', () => {
    const pick = random(1)
    for (let run = 0; run < 3000; run++) {
      const alphabet = 1 + pick(4)
      const a = Array.from({ length: pick(14) }, () => pick(alphabet))
      const b = Array.from({ length: pick(14) }, () => pick(alphabet))
      const edits = myersDiff(Int32Array.from(a), Int32Array.from(b), unlimited(), Number.MAX_SAFE_INTEGER)!
      const rebuiltA: number[] = []
      const rebuiltB: number[] = []
      let i = 0
      let j = 0
      let distance = 0
      for (const { kind, count } of edits) {
        for (let c = 0; c < count; c++) {
          if (kind === 'same') {
            expect(a[i]).toBe(b[j])
            rebuiltA.push(a[i++]!)
            rebuiltB.push(b[j++]!)
          } else if (kind === 'removed') rebuiltA.push(a[i++]!)
          else rebuiltB.push(b[j++]!)
        }
        if (kind !== 'same') distance += count
      }
      expect({ a: rebuiltA, b: rebuiltB }).toEqual({ a, b })
      expect(distance).toBe(a.length + b.length - 2 * lcsLength(a, b))
    }
  })

  it('merges neighbouring steps of one kind', () => {
    const edits = myersDiff(Int32Array.from([1, 2, 3, 4]), Int32Array.from([1, 5, 6, 4]), unlimited(), 10)!
    expect(edits).toEqual([
      { kind: 'same', count: 1 },
      { kind: 'removed', count: 2 },
      { kind: 'added', count: 2 },
      { kind: 'same', count: 1 },
    ])
  })

  it('refuses, without any work, an edit distance that cannot be under the cap', () => {
    const budget = unlimited()
    expect(myersDiff(new Int32Array(10), new Int32Array(5000), budget, 2000)).toBeNull()
    expect(budget.used).toBe(0)
  })

  it('stops at the edit cap on totally different input', () => {
    const a = Int32Array.from({ length: 5000 }, (_, i) => i)
    const b = Int32Array.from({ length: 5000 }, (_, i) => i + 10_000)
    const budget = unlimited()
    expect(myersDiff(a, b, budget, 200)).toBeNull()
    // About (cap / 2)^2 steps: the distance searched, not the 25,000,000 cells of a table.
    expect(budget.used).toBeLessThan(30_000)
    expect(myersDiff(a, b, unlimited(), 10_000)).toEqual([
      { kind: 'removed', count: 5000 },
      { kind: 'added', count: 5000 },
    ])
  })
})

describe('text diff', () => {
  it('marks removed and added words and keeps the rest', () => {
    expect(diffText('sit down for a moment', 'sit down for ten minutes')).toEqual([
      { kind: 'same', text: 'sit down for ' },
      { kind: 'removed', text: 'a moment' },
      { kind: 'added', text: 'ten minutes' },
    ])
  })

  it('reports nothing but sameness for equal texts, and nothing at all for two empty ones', () => {
    expect(diffText('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }])
    expect(diffText('', '')).toEqual([])
  })

  it('shows a paragraph added at the end as just that paragraph', () => {
    expect(diffText('## Rest\nSit down.', '## Rest\nSit down.\nLie down.')).toEqual([
      { kind: 'same', text: '## Rest\nSit down.' },
      { kind: 'added', text: '\nLie down.' },
    ])
  })

  it('diffs words only inside the paragraphs that changed', () => {
    expect(diffText('One.\nTwo is here.\nThree.', 'One.\nTwo is not here.\nThree.')).toEqual([
      { kind: 'same', text: 'One.\nTwo is ' },
      { kind: 'added', text: 'not ' },
      { kind: 'same', text: 'here.\nThree.' },
    ])
  })

  it('rebuilds both texts from its segments, merged, with no empty ones (random property)', () => {
    const pick = random(2)
    const vocabulary = ['take', 'do', 'not', 'rest', 'walk', '**bold**', '\n', '\n', ' ', '- item']
    const text = () => Array.from({ length: pick(30) }, () => vocabulary[pick(vocabulary.length)]).join(pick(3) ? ' ' : '')
    for (let run = 0; run < 2000; run++) {
      const a = text()
      // Half the time an edit of `a`, half the time an unrelated text.
      const b = pick(2) ? a.replace(/\S+/g, (word) => (pick(5) ? word : pick(2) ? '' : `${word} ${vocabulary[pick(5)]}`)) : text()
      const segments = diffText(a, b)!
      expect(before(segments)).toBe(a)
      expect(after(segments)).toBe(b)
      for (const [index, segment] of segments.entries()) {
        expect(segment.text).not.toBe('')
        expect(segment.kind).not.toBe(segments[index + 1]?.kind)
      }
    }
  })

  it('changes as few words as possible within a line (random property)', () => {
    const pick = random(3)
    for (let run = 0; run < 500; run++) {
      const a = Array.from({ length: pick(15) }, () => `w${pick(4)}`)
      const b = Array.from({ length: pick(15) }, () => `w${pick(4)}`)
      const segments = diffText(a.join(' '), b.join(' '))!
      // Tokens carry their trailing space, so the last word differs from the same word mid-line.
      const tokens = (list: string[]) => list.map((word, i) => (i < list.length - 1 ? `${word} ` : word))
      const ta = tokens(a)
      const tb = tokens(b)
      expect(changedTokens(segments)).toBe(ta.length + tb.length - 2 * lcsLength(ta, tb))
    }
  })
})

describe('text diff limits', () => {
  const timed = <T>(work: () => T) => {
    const started = performance.now()
    const result = work()
    return { result, ms: performance.now() - started }
  }

  it('summarises a 20,000-word draft against a short live text it kept, in linear work', () => {
    const pick = random(4)
    const live = 'Walk after meals, on flat ground.'
    const paragraphs = Array.from({ length: 200 }, () => words(100, 'zq', pick))
    const draft = [live, ...paragraphs].join('\n')
    const budget = WorkBudget.start(DIFF_LIMITS)
    const { result, ms } = timed(() => diffText(live, draft, DIFF_LIMITS, budget))
    expect(result).toEqual([
      { kind: 'same', text: live },
      { kind: 'added', text: `\n${paragraphs.join('\n')}` },
    ])
    expect(budget.used).toBeLessThan(1000)
    expect(ms).toBeLessThan(500)
  })

  it('gives up at once on 20,000 words poured into the one paragraph of a short live text', () => {
    const pick = random(5)
    const budget = WorkBudget.start(DIFF_LIMITS)
    const { result, ms } = timed(() =>
      diffText('Walk after meals.', `Walk slowly after meals. ${words(20_000, 'zq', pick)}`, DIFF_LIMITS, budget),
    )
    expect(result).toBeNull()
    expect(budget.used).toBeLessThan(100)
    expect(ms).toBeLessThan(500)
  })

  it('gives up within its work budget on a totally different 20,000-word text', () => {
    const pick = random(6)
    const paragraphs = (prefix: string) => Array.from({ length: 200 }, () => words(100, prefix, pick)).join('\n')
    const budget = WorkBudget.start(DIFF_LIMITS)
    const { result, ms } = timed(() => diffText(paragraphs('zq'), paragraphs('xv'), DIFF_LIMITS, budget))
    expect(result).toBeNull()
    // Stops at the edit cap (about (2000 / 2)^2 steps), far below the 400,000,000 cells of a word table.
    expect(budget.used).toBeGreaterThan(500_000)
    expect(budget.used).toBeLessThanOrEqual(DIFF_LIMITS.maxWork)
    expect(ms).toBeLessThan(2000)
  })

  it('gives up when the shared work budget is spent, and stays given up', () => {
    const pick = random(7)
    const limits: DiffLimits = { ...DIFF_LIMITS, maxEdits: 100_000, maxWork: 50_000 }
    const budget = WorkBudget.start(limits)
    expect(diffText(words(3000, 'a', pick, 50), words(3000, 'a', pick, 50), limits, budget)).toBeNull()
    // One round of the search past the cap at most.
    expect(budget.used).toBeLessThan(limits.maxWork + 20_000)
    expect(budget.exhausted).toBe(true)
    expect(diffText('a b', 'a c', limits, budget)).toBeNull()
  })

  it('gives up at its deadline', () => {
    const pick = random(8)
    let clock = 0
    // A clock that moves 10 ms each time it is read: the deadline passes on the second reading.
    const budget = new WorkBudget(Number.MAX_SAFE_INTEGER, 15, () => (clock += 10))
    const limits: DiffLimits = { ...DIFF_LIMITS, maxEdits: 100_000 }
    expect(diffText(words(5000, 'a', pick, 50), words(5000, 'a', pick, 50), limits, budget)).toBeNull()
    expect(clock).toBeGreaterThanOrEqual(20)
    expect(budget.used).toBeLessThan(100_000)
  })

  it('refuses texts over the size cap before any work', () => {
    const budget = WorkBudget.start(DIFF_LIMITS)
    const limits: DiffLimits = { ...DIFF_LIMITS, maxChars: 100 }
    expect(diffText('x'.repeat(60), 'y'.repeat(60), limits, budget)).toBeNull()
    expect(budget.used).toBe(0)
    expect(diffText('x'.repeat(40), 'y'.repeat(40), limits, budget)).toEqual([
      { kind: 'removed', text: 'x'.repeat(40) },
      { kind: 'added', text: 'y'.repeat(40) },
    ])
  })
})
