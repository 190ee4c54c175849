// @ts-check
// The most bytes one request body may have. JavaScript, not TypeScript: next.config.mjs reads it
// too, for the limit Next.js puts on server actions (the admin's), so both limits are one.

const MiB = 1024 * 1024

/**
 * VETTED_MAX_BODY_BYTES, in bytes (at least 1024), else 1 MiB.
 * @param {Record<string, string | undefined>} [env]
 * @returns {number}
 */
export function maxRequestBodyBytes(env = process.env) {
  const bytes = Number(env.VETTED_MAX_BODY_BYTES)
  return env.VETTED_MAX_BODY_BYTES && Number.isFinite(bytes) && bytes >= 1024 ? Math.floor(bytes) : MiB
}
