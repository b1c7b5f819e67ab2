/**
 * A FIFO of at most `capacity` items. When full, adding drops the oldest and counts it: a service
 * whose monitor is down keeps its memory bounded and its most recent events.
 */
export class EventBuffer<T> {
  private items: T[] = [];
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError("EventBuffer capacity must be at least 1");
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.trim();
  }

  /** Removes and returns up to `count` of the oldest items. */
  take(count: number): T[] {
    return this.items.splice(0, count);
  }

  /** Puts items back in front (a batch that could not be sent), dropping the oldest beyond capacity. */
  putBack(items: T[]): void {
    this.items.unshift(...items);
    this.trim();
  }

  private trim(): void {
    const excess = this.items.length - this.capacity;
    if (excess <= 0) return;
    this.items.splice(0, excess);
    this.dropped += excess;
  }
}
