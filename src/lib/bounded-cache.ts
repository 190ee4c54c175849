// A small least-recently-used cache with a size bound and an age bound, for results that
// must not grow with what strangers type (search queries). Map keeps insertion order, so
// the first key is the least recently used.
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number; generation: number }>()

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly generation: () => number = () => 0,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.generation !== this.generation() || Date.now() - entry.storedAt > this.maxAgeMs) return undefined
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V, generation = this.generation()): void {
    this.entries.delete(key)
    this.entries.set(key, { value, storedAt: Date.now(), generation })
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
  }

  delete(key: string): void {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }
}
