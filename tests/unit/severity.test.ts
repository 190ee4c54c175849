import { describe, expect, it } from 'vitest'
import { bySeverity } from '@/workflow/severity'

describe('severity order', () => {
  it('puts emergencies first', () => {
    const sorted = [{ severity: 'caution' }, { severity: 'emergency' }, { severity: 'urgent' }].sort(bySeverity as any)
    expect(sorted.map((w) => w.severity)).toEqual(['emergency', 'urgent', 'caution'])
  })
})
