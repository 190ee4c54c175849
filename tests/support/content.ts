// Small factories for test content, each document marked with a unique string.
import type { Payload } from 'payload'
import { lexicalFromSections } from '@seed/lexical'
import { seed } from '@seed/seed'
import { DEFAULT_DEMO_PASSWORD } from '@seed/users'
import { unique } from './payload'

export async function ensureSeeded(payload: Payload) {
  await seed(payload, { password: process.env.SEED_PASSWORD || DEFAULT_DEMO_PASSWORD })
}

export const lexicalText = (text: string) => lexicalFromSections([{ paragraphs: [text] }])

export function articleData(marker = unique('article')) {
  return {
    title: `Test article ${marker}`,
    summary: `Summary ${marker}`,
    topic: 'Testing',
    audience: 'patient',
    body: lexicalText(`Body ${marker}`),
    disclaimer: 'For tests only.',
  }
}

export function tipData(marker = unique('tip')) {
  return { title: `Tip ${marker}`, body: `Do this ${marker}`, category: 'rest', stage: 'any' }
}

export function warningData(marker = unique('warning'), severity = 'urgent') {
  return { title: `Warning ${marker}`, severity, symptoms: `Symptoms ${marker}`, action: `Act ${marker}` }
}
