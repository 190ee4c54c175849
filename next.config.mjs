import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database launcher and test tooling live outside the app bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
  // A router request's `_rsc` parameter must match its router headers (else a redirect to
  // the right one), so a shared cache may key router responses by address alone.
  experimental: { validateRSCRequestHeaders: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
