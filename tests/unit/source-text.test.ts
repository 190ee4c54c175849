import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lumbarSorenessContent } from '@seed/content/lumbar-soreness'
import { DEFAULT_SOURCE_FILE } from '@seed/seed'
import { readSourceText, SeedSourceError } from '@seed/source-text'

const source = readSourceText(DEFAULT_SOURCE_FILE)
const rawText = readFileSync(DEFAULT_SOURCE_FILE, 'utf8').replace(/\s+/g, ' ')

function tempSource(text: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vetted-seed-')), 'source.txt')
  writeFileSync(file, text)
  return file
}

describe('the seed source text', () => {
  it('reads the title and the release date', () => {
    expect(source.title).toBe('Lumbar soreness in early pregnancy')
    expect(source.releaseDate).toBe('2025-01-18T18:13:27.000Z')
  })

  it('refuses a passage the author did not write', () => {
    expect(() => source.quote('Back pain is never serious.')).toThrow(SeedSourceError)
  })

  it('refuses a source without a release line', () => {
    expect(() => readSourceText(tempSource('Title\n\nNo release line here.'))).toThrow(/Release time/)
  })
})

describe('the structured article', () => {
  const content = lumbarSorenessContent(source)

  it("keeps every body paragraph in the author's words", () => {
    const paragraphs = (content.article.body as any).root.children
      .filter((node: any) => node.type === 'paragraph')
      .map((node: any) => node.children[0].text)
    expect(paragraphs.length).toBeGreaterThan(40)
    for (const paragraph of paragraphs) expect(rawText).toContain(paragraph)
  })

  it('fails when a source paragraph would be dropped', () => {
    const text = readFileSync(DEFAULT_SOURCE_FILE, 'utf8') + '\n\nAn extra paragraph nobody placed.\n'
    expect(() => lumbarSorenessContent(readSourceText(tempSource(text)))).toThrow(/not placed/)
  })

  it('has the calcium dose from the source', () => {
    const calcium = content.tips.find((tip) => tip.slug.includes('calcium'))
    expect(calcium?.body).toContain('600mg every day, and increase it to 1000-1200mg')
  })

  it('uses the disclaimer from the source', () => {
    expect(content.article.disclaimer).toMatch(/^The medical content discussed in this text is for reference only\./)
  })
})
