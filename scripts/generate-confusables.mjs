#!/usr/bin/env node
// Writes src/accounts/confusables/prototypes.json from Unicode's confusables.txt (UTS #39, in
// the same folder): for each character that can be mistaken for another, the sequence it is
// mistaken for (its prototype). To update, put a newer confusables.txt from
// https://www.unicode.org/Public/security/ in its place and run this; scripts/check-generated.mjs
// fails when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs'

const folder = new URL('../src/accounts/confusables/', import.meta.url)
const text = readFileSync(new URL('confusables.txt', folder), 'utf8')
const version = /^# Version: (\S+)/m.exec(text)?.[1]
if (!version) throw new Error('confusables.txt has no "# Version:" line')

const fromHex = (field) =>
  String.fromCodePoint(
    ...field
      .trim()
      .split(/\s+/)
      .map((hex) => parseInt(hex, 16)),
  )
const prototypes = {}
for (const line of text.split('\n')) {
  const data = line
    .replace(/^\uFEFF/, '')
    .split('#')[0]
    .trim()
  if (!data) continue
  const [source, target] = data.split(';')
  prototypes[fromHex(source)] = fromHex(target)
}

const json = `${JSON.stringify({ unicodeVersion: version, prototypes }, null, 0)}\n`
writeFileSync(new URL('prototypes.json', folder), json)
console.log(`vetted: ${Object.keys(prototypes).length} confusable characters from confusables.txt ${version}.`)
