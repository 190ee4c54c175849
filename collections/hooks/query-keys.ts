/** The first key anywhere in a query object (`where`, nested `and`/`or`) that passes `test`. */
export function findQueryKey(query: unknown, test: (key: string) => boolean, depth = 0): string | null {
  if (!query || typeof query !== 'object' || depth > 20) return null
  for (const [key, value] of Object.entries(query)) {
    if (test(key)) return key
    const found = findQueryKey(value, test, depth + 1)
    if (found) return found
  }
  return null
}
