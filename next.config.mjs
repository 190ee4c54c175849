import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database launcher and test tooling live outside the app bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
