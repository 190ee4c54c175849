// One Node.js version for the project, its packages and its image: the lowest version the
// project declares must satisfy every installed package that states a range.
import { readFileSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const lowest = semver.minVersion(pkg.engines.node)!.version

describe('the declared Node.js version', () => {
  it('satisfies every installed package (optional platform binaries aside)', () => {
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string }; optional?: boolean }>)
      .filter(([name, info]) => name && !info.optional && typeof info.engines?.node === 'string')
      .filter(([, info]) => !semver.satisfies(lowest, info.engines!.node!))
      .map(([name, info]) => `${name} needs ${info.engines!.node}`)
    expect(refused).toEqual([])
  })

  it('is what the Dockerfile builds on, and what runs here', () => {
    const image = readFileSync('Dockerfile', 'utf8').match(/^FROM node:(\d+)/m)?.[1]
    expect(semver.intersects(pkg.engines.node, `${image}.x`)).toBe(true)
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true)
  })
})
