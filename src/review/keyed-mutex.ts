// Serialises work per key inside one process. PostgreSQL row locks do this across
// processes; this also covers the embedded database, which runs without transactions.
const tails = new Map<string, Promise<unknown>>()

export async function withKeyLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve()
  let release!: () => void
  const current = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => current)
  tails.set(key, tail)
  await previous
  try {
    return await work()
  } finally {
    release()
    if (tails.get(key) === tail) tails.delete(key)
  }
}
