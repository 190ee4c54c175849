import { createRequire } from 'node:module'
import { withPayload } from '@payloadcms/next/withPayload'

const require = createRequire(import.meta.url)

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database launcher and test tooling live outside the app bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
  // A router request's `_rsc` parameter must match its router headers (else a redirect to
  // the right one), so a shared cache may key router responses by address alone.
  experimental: { validateRSCRequestHeaders: true },
  // Next.js's file-system cache, except that "not found" renders are not stored.
  cacheHandler: require.resolve('./src/cache/page-cache-handler.mjs'),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
