// @ts-check
// The Lua scripts the shared cache runs in Redis. One clock: Redis's own (TIME, inside the
// script that reads or records), in microseconds, so instances' clocks never meet and no margin
// for their differences is needed.

// Fields of the tag hash that no tag can be (Next.js encodes tags to \t and printable ASCII).
export const EPOCH_FIELD = '\nepoch'
export const SERVER_FIELD = '\nserver'
export const FENCE_FIELD = '\nfence'

// Redis's clock in microseconds, as a Lua number (exact: far below 2^53).
const NOW_US = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])`

// Records the tags as expired now, on Redis's clock (keeping the newest per tag), after first
// raising the fence when one is given, in one step: no reader can see the expiry without the
// fence. ARGV: fence field, fence value ('' for none), tags...
export const RECORD_EXPIRIES = `${NOW_US}
if ARGV[2] ~= '' then
  local fence = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
  if not fence or fence < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
end
for i = 3, #ARGV do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]))
  if not current or current < now then redis.call('HSET', KEYS[1], ARGV[i], string.format('%.0f', now)) end
end
return string.format('%.0f', now)`

// An entry and the time of the lookup. Returns { now, value } (value absent when none).
export const GET_STAMPED = `${NOW_US}
return { string.format('%.0f', now), redis.call('GET', KEYS[1]) }`

// The current epoch, made anew when there is none or it was made by another server run
// (restart, restored snapshot, failover), and Redis's time; a new run also loses the fence.
// ARGV: epoch field, server field, new epoch, fence field. Returns { epoch, now }.
export const SYNC_EPOCH = `${NOW_US}
local server = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
local stored = redis.call('HMGET', KEYS[1], ARGV[1], ARGV[2])
if stored[1] and stored[2] == server then return { stored[1], string.format('%.0f', now) } end
-- Another server run: its fence (if any) may be older than expiries it never saw.
redis.call('HDEL', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[2], server)
return { ARGV[3], string.format('%.0f', now) }`

// Raises the fence (field ARGV[1]) to ARGV[2] (a decimal number) unless it is already higher.
export const RAISE_FENCE = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
if not current or current < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`
