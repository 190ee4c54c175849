// @ts-check
// The shared cache's settings, from the environment (docs/OPERATIONS.md lists them).

/**
 * @typedef {object} RedisCacheOptions
 * @property {string | undefined} url Redis URL (REDIS_URL); without one every call fails (no caching).
 * @property {string} keyPrefix REDIS_KEY_PREFIX, default `vetted:`.
 * @property {number} timeoutMs Budget of one Redis call (REDIS_CACHE_TIMEOUT_MS, 100).
 * @property {number} expiryTimeoutMs Budget of writing an expiry, past an open breaker (REDIS_CACHE_EXPIRY_TIMEOUT_MS, 1000).
 * @property {number} failureThreshold Consecutive failures that open the breaker (REDIS_CACHE_BREAKER_FAILURES, 3).
 * @property {number} cooldownMs How long the open breaker skips Redis (REDIS_CACHE_BREAKER_COOLDOWN_MS, 5000).
 * @property {number} epochCheckMs How often the server identity is re-checked (REDIS_CACHE_EPOCH_CHECK_MS, 5000).
 * @property {number} maxTtlSeconds Longest an entry stays in Redis (REDIS_CACHE_MAX_TTL_SECONDS, 86400).
 * @property {number} maxPendingTags Expiries kept for replay before rotating the epoch instead (10000).
 */

const numberFrom = (/** @type {string | undefined} */ text, /** @type {number} */ fallback) => {
  const value = Number(text)
  return text !== undefined && text !== '' && Number.isFinite(value) && value >= 0 ? value : fallback
}

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {RedisCacheOptions}
 */
export function optionsFromEnv(env = process.env) {
  return {
    url: env.REDIS_URL || undefined,
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'vetted:',
    timeoutMs: numberFrom(env.REDIS_CACHE_TIMEOUT_MS, 100),
    expiryTimeoutMs: numberFrom(env.REDIS_CACHE_EXPIRY_TIMEOUT_MS, 1000),
    failureThreshold: Math.max(1, numberFrom(env.REDIS_CACHE_BREAKER_FAILURES, 3)),
    cooldownMs: numberFrom(env.REDIS_CACHE_BREAKER_COOLDOWN_MS, 5000),
    epochCheckMs: numberFrom(env.REDIS_CACHE_EPOCH_CHECK_MS, 5000),
    maxTtlSeconds: Math.max(1, numberFrom(env.REDIS_CACHE_MAX_TTL_SECONDS, 86400)),
    maxPendingTags: 10000,
  }
}
