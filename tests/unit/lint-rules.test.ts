// The linter keeps the house as docs/DESIGN.md draws it (eslint.config.mjs): folders import
// downwards only, and no two files import each other in a circle.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const fixtures = path.join('tests', 'unit', 'lint-fixtures')
afterAll(() => rmSync(fixtures, { recursive: true, force: true }))

const rulesBroken = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath })).flatMap((result) => result.messages.map((message) => message.ruleId))

describe('the linter', () => {
  it('refuses an import that runs up the layers (the pure rules importing the review wiring)', async () => {
    const code = "import { performAction } from '../review/actions/perform-action'\nexport const x = performAction\n"
    expect(await rulesBroken(code, 'src/workflow/lint-fixture.ts')).toContain('import-x/no-restricted-paths')
  })

  it('refuses review data importing the actions built on it', async () => {
    const code = "import { approve } from '../actions/approve'\nexport const x = approve\n"
    expect(await rulesBroken(code, 'src/review/data/lint-fixture.ts')).toContain('import-x/no-restricted-paths')
  })

  it('accepts an import that runs down (an action using the pure rules)', async () => {
    const code = "import { decide } from '../../workflow'\nexport const x = decide\n"
    expect(await rulesBroken(code, 'src/review/actions/lint-fixture.ts')).toEqual([])
  })

  it('refuses two files that import each other', async () => {
    mkdirSync(fixtures, { recursive: true })
    writeFileSync(path.join(fixtures, 'a.ts'), "import { b } from './b'\nexport const a = () => b\n")
    writeFileSync(path.join(fixtures, 'b.ts'), "import { a } from './a'\nexport const b = () => a\n")
    const results = await eslint.lintFiles([path.join(fixtures, 'a.ts')])
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('import-x/no-cycle')
  })
})
