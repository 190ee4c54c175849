// What a save of an article learned about its citations, for the hooks after it: the people who
// wrote the source details it copied (they are authors of the new version: four eyes), and
// whether the save must keep the citations exactly as given (going back to approved content).
import type { PayloadRequest } from 'payload'

const SOURCE_AUTHORS = 'vettedCitedSourceAuthors'
const KEEP_CITATIONS = 'vettedKeepCitationCopies'

export const noteSourceAuthors = (req: PayloadRequest, people: number[]) => {
  const known = (req.context[SOURCE_AUTHORS] as number[] | undefined) ?? []
  req.context[SOURCE_AUTHORS] = [...new Set([...known, ...people])]
}

export const sourceAuthorsOf = (req: PayloadRequest): number[] => (req.context[SOURCE_AUTHORS] as number[] | undefined) ?? []

/** "Discard draft" saves the approved content again: its citations as approved, not a fresh copy. */
export async function keepingCitations<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  req.context[KEEP_CITATIONS] = true
  try {
    return await work()
  } finally {
    delete req.context[KEEP_CITATIONS]
  }
}

export const keepsCitations = (req: PayloadRequest) => req.context[KEEP_CITATIONS] === true
