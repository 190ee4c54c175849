import { createRequire } from 'node:module'
import { withPayload } from '@payloadcms/next/withPayload'
import { maxRequestBodyBytes } from './src/http/body-limit-setting.mjs'

const require = createRequire(import.meta.url)

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['redis'],
  experimental: {
    // A router request's `_rsc` parameter must match its router headers (else a redirect to
    // the right one), so a shared cache may key router responses by address alone.
    validateRSCRequestHeaders: true,
    // Server actions (the admin's server functions) have Next.js's own body limit: the same as
    // every other route's (src/http/body-limit.ts), and so has the copy of a body Next.js keeps
    // for the proxy (src/proxy.ts). Read when the server starts.
    serverActions: { bodySizeLimit: maxRequestBodyBytes() },
    proxyClientMaxBodySize: maxRequestBodyBytes(),
    // Turbopack keeps its build cache on disk: about 30 s to write after a cold build, about
    // 40 s saved on the next one. CI builds once on a fresh clone and throws the cache away,
    // so it sets VETTED_BUILD_CACHE=off.
    turbopackFileSystemCacheForBuild: process.env.VETTED_BUILD_CACHE !== 'off',
  },
  // With REDIS_URL (several instances): one cache in Redis, with tag expiries every instance
  // sees (src/cache/redis-cache-handler.mjs). Without: Next.js's file-system cache, except that
  // "not found" renders are not stored. Read when the server starts: one build serves both.
  cacheHandler: require.resolve(process.env.REDIS_URL ? './src/cache/redis-cache-handler.mjs' : './src/cache/page-cache-handler.mjs'),
  // No in-process copy of cached pages or data beside the handler's (it could outlive an
  // expiry made by another instance).
  cacheMaxMemorySize: process.env.REDIS_URL ? 0 : undefined,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
