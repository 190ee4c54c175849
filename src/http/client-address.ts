// Where a request came from, for login throttling. The app sits behind proxies that append
// the address they saw to X-Forwarded-For (Next.js itself sets it from the socket when a
// request arrives without one). The N-th entry from the right, N = TRUSTED_PROXY_HOPS
// (default 1), is the address the outermost trusted proxy saw; entries further left were
// written by the client and prove nothing.
export function clientAddress(headers: Headers, trustedHops = Number(process.env.TRUSTED_PROXY_HOPS) || 1): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const address = chain[chain.length - Math.max(1, trustedHops)] ?? chain[0]
  return (address ?? 'unknown').slice(0, 64)
}
