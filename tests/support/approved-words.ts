// Invariant 8 as the tests and the stress benchmark check it: a page asked for after an
// approval returned must not show older words. A request may show the words whose approval had
// returned when it began, any newer ones, or those of an approval still in flight.
export class ApprovedWords {
  private readonly words: string[]
  private inFlight = ''

  constructor(first: string) {
    this.words = [first]
  }

  /** Where a request beginning now starts: pass it to `isFresh` with the answer. */
  mark(): number {
    return this.words.length - 1
  }

  isFresh(body: string, mark: number): boolean {
    return this.words.slice(mark).some((words) => body.includes(words)) || (this.inFlight !== '' && body.includes(this.inFlight))
  }

  /** Runs the approval of `words`: in flight while it runs, the newest once it returned. */
  async approve(words: string, run: () => Promise<unknown>): Promise<void> {
    this.inFlight = words
    await run()
    this.words.push(words)
  }
}
