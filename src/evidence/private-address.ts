// Whether an IP address is one the link check must not reach: anything not on the public
// internet. IPv6 is parsed into its 16 bits groups, so every spelling of an address is the same
// (`::ffff:7f00:1` is 127.0.0.1), and IPv4 addresses carried inside IPv6 (mapped, compatible,
// SIIT-translated, NAT64, 6to4) are checked as IPv4.
import { isIP } from 'node:net'

type V4 = [number, number, number, number]

function privateV4([a, b, c]: V4): boolean {
  return (
    a === 0 || // this network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 192 && b === 0 && c === 2) || // documentation
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224 // multicast, reserved, broadcast
  )
}

const v4Of = (text: string): V4 | null => {
  const parts = text.split('.').map(Number)
  return parts.length === 4 && parts.every((part) => Number.isInteger(part) && part >= 0 && part <= 255) ? (parts as V4) : null
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail), or null. */
function groupsOf(text: string): number[] | null {
  let address = text.toLowerCase().split('%')[0]!
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (tail) {
    const v4 = v4Of(tail[1]!)
    if (!v4) return null
    address = `${address.slice(0, -tail[1]!.length)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`
  }
  const halves = address.split('::')
  if (halves.length > 2) return null
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const head = parse(halves[0]!)
  const rest = halves.length === 2 ? parse(halves[1]!) : []
  const missing = 8 - head.length - rest.length
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null
  const groups = [...head, ...Array<number>(Math.max(0, missing)).fill(0), ...rest]
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null
}

const v4FromGroups = (high: number, low: number): V4 => [high >> 8, high & 0xff, low >> 8, low & 0xff]

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) return privateV4(v4Of(address)!)
  const groups = groupsOf(address)
  if (!groups) return true // not an address we understand: refuse
  const [g0, g1, g2, , g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number]
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0)
  if (zeros(0, 8)) return true // unspecified
  if (zeros(0, 7) && g7 === 1) return true // loopback
  if (zeros(0, 5) && (g5 === 0xffff || g5 === 0)) return privateV4(v4FromGroups(g6, g7)) // mapped, compatible
  if (zeros(0, 4) && g4 === 0xffff && g5 === 0) return privateV4(v4FromGroups(g6, g7)) // SIIT, ::ffff:0:0/96 (RFC 7915)
  if (g0 === 0x64 && g1 === 0xff9b && zeros(2, 6)) return privateV4(v4FromGroups(g6, g7)) // NAT64, 64:ff9b::/96
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true // local-use NAT64, 64:ff9b:1::/48 (RFC 8215): local networks
  if (g0 === 0x100 && zeros(1, 4)) return true // discard-only, 100::/64
  if (g0 === 0x2001 && g1 < 0x200) return true // IETF protocol assignments, 2001::/23 (Teredo, benchmarking, ORCHID)
  if (g0 === 0x2002) return privateV4(v4FromGroups(g1, groups[2]!)) // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return true // unique local
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true // link-local, site-local
  if ((g0 & 0xff00) === 0xff00) return true // multicast
  if (g0 === 0x2001 && g1 === 0xdb8) return true // documentation
  return false
}
