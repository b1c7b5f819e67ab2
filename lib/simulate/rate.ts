/** Turns a rate per minute into whole events per tick, carrying the fractions over, so any tick length keeps the rate. */
export class Rate {
  private owed = 0;

  constructor(private readonly perMinute: number) {}

  due(elapsedMs: number): number {
    this.owed += (this.perMinute * elapsedMs) / 60_000;
    const whole = Math.floor(this.owed);
    this.owed -= whole;
    return whole;
  }
}
