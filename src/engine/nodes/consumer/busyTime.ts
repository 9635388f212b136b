/** Integrates busy slots over simulated time, for utilisation = busy slot-time / (slots × time). */
export class BusyTime {
  private area = 0;
  private busy = 0;
  private last = 0;

  constructor(private readonly slots: number) {}

  change(now: number, delta: number): void {
    this.area += this.busy * (now - this.last);
    this.last = now;
    this.busy += delta;
  }

  utilisation(now: number): number {
    if (now <= 0) return 0;
    return (this.area + this.busy * (now - this.last)) / (this.slots * now);
  }
}
