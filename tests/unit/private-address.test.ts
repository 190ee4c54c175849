import { describe, expect, it } from 'vitest'
import { isPrivateAddress } from '@/evidence/private-address'

describe('the link check', () => {
  it('knows private network addresses', () => {
    const inside = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '198.18.0.1',
      '192.0.0.8',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      'febf::1',
      'fec0::1',
      'ff02::1',
      // IPv4 inside IPv6, in every spelling: mapped, as URL parsing writes it, compatible, NAT64, 6to4.
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:ffff:a9fe:a9fe',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      // SIIT-translated (::ffff:0:0/96), local-use NAT64 (64:ff9b:1::/48), discard-only and
      // Teredo (issue 22, item 11: the first two were taken for public).
      '::ffff:0:7f00:1',
      '0:0:0:0:ffff:0:a00:1',
      '64:ff9b:1::7f00:1',
      '64:ff9b:1:ffff::8.8.8.8',
      '100::1',
      '2001:0:4136:e378::1',
      'not-an-address::',
      '1::2::3',
    ]
    for (const address of inside) expect(isPrivateAddress(address), address).toBe(true)
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '2001:4860::8888',
      '::ffff:8.8.8.8',
      '2002:808:808::1',
      '::ffff:0:808:808',
      '64:ff9b::808:808',
    ])
      expect(isPrivateAddress(address), address).toBe(false)
  })
})
