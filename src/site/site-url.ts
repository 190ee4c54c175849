import { serverUrl } from '../lib/server-env'

/** Absolute URL of a site path, for canonical links, the sitemap and structured data. */
export const absoluteUrl = (path: string) => new URL(path, serverUrl()).toString()
