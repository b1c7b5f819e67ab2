// KEYS: the writer's sequence key, the period totals' start marker, then the hashes. ARGV: the
// batch's sequence, the sequence key's TTL, the marker's value (the minute now) and TTL, then per
// hash its TTL, its field count, and field/delta pairs. Nothing is added when the writer's batch
// of that sequence was applied before.
export const APPLY_BATCH = `
local sequence = tonumber(ARGV[1])
if sequence <= tonumber(redis.call('GET', KEYS[1]) or '0') then return 0 end
redis.call('SET', KEYS[1], sequence, 'EX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'NX')
redis.call('EXPIRE', KEYS[2], ARGV[4])
local a = 5
for k = 3, #KEYS do
  local ttl = tonumber(ARGV[a])
  local n = tonumber(ARGV[a + 1])
  a = a + 2
  for i = 1, n do
    redis.call('HINCRBYFLOAT', KEYS[k], ARGV[a], ARGV[a + 1])
    a = a + 2
  end
  redis.call('EXPIRE', KEYS[k], ttl)
end
return 1`;

// KEYS: the hashes, the first ARGV[1] added and the rest subtracted, then ARGV[2] writers'
// sequence keys. ARGV[3..]: the fields to sum, or none for all. Returns the field/sum pairs and the
// writers' last applied sequences (0 for none), read in the same step, so a reader can tell which
// of its unsent batches these sums already hold.
export const SUM_HASHES = `
local adding = tonumber(ARGV[1])
local writers = tonumber(ARGV[2])
local hashes = #KEYS - writers
local fields = {unpack(ARGV, 3)}
local sums, order = {}, {}
local function add(field, value, sign)
  local n = sign * tonumber(value)
  if sums[field] == nil then sums[field] = n; order[#order + 1] = field else sums[field] = sums[field] + n end
end
for k = 1, hashes do
  local key = KEYS[k]
  local sign = k <= adding and 1 or -1
  if #fields == 0 then
    local flat = redis.call('HGETALL', key)
    for i = 1, #flat, 2 do add(flat[i], flat[i + 1], sign) end
  else
    local values = redis.call('HMGET', key, unpack(fields))
    for i, value in ipairs(values) do if value then add(fields[i], value, sign) end end
  end
end
local out = {}
for _, field in ipairs(order) do out[#out + 1] = field; out[#out + 1] = string.format('%.17g', sums[field]) end
local applied = {}
for k = hashes + 1, #KEYS do applied[#applied + 1] = tonumber(redis.call('GET', KEYS[k]) or '0') end
return {out, applied}`;
