import type { Redis } from "ioredis";

// One shared cursor per queue: the id of the newest finished-job event counted so far. Every
// observer reads the queue's event stream in order and counts an event only when it moves the
// cursor forward (an atomic compare-and-set), so with any number of instances each event is
// counted exactly once, with no per-event keys, and a restarted observer resumes where counting
// stopped. Stream ids are "<ms>-<seq>".
const ADVANCE = `
local function parts(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local current = redis.call('GET', KEYS[1])
if current then
  local cm, cs = parts(current)
  local nm, ns = parts(ARGV[1])
  if nm < cm or (nm == cm and ns <= cs) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
return 1`;

interface CursorCommands {
  khaachoAdvanceQueueCursor(key: string, eventId: string): Promise<number>;
}

/** The Redis key of a queue's cursor. */
export function cursorKey(keyPrefix: string, prefix: string, queue: string): string {
  return `${keyPrefix}${prefix}:${queue}:cursor`;
}

export class EventCursor {
  constructor(
    private readonly client: Redis,
    readonly key: string,
    private readonly streamKey: string,
  ) {
    client.defineCommand("khaachoAdvanceQueueCursor", { numberOfKeys: 1, lua: ADVANCE });
  }

  /**
   * Where to start reading: the shared cursor. The first observer ever sets it to the stream's
   * newest entry, so concurrent first starts all begin at the same place.
   */
  async startingPoint(): Promise<string> {
    const [newest] = await this.client.xrevrange(this.streamKey, "+", "-", "COUNT", 1);
    await this.client.set(this.key, newest?.[0] ?? "0-0", "NX");
    return (await this.client.get(this.key)) ?? "0-0";
  }

  /** True when this caller moved the cursor to `eventId`, and so owns (counts) that event. */
  async claim(eventId: string): Promise<boolean> {
    return (await (this.client as unknown as CursorCommands).khaachoAdvanceQueueCursor(this.key, eventId)) === 1;
  }
}

/** The time Redis gave a stream entry, in epoch ms. */
export function streamEntryMs(eventId: string): number {
  return Number(eventId.split("-")[0]);
}
