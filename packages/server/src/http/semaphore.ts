/**
 * At most `slots` runs of costly work at once (reading an uploaded
 * workbook); the others wait their turn in order. Bounds the memory a burst
 * of such requests can take.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so the count never drops below what runs.
      if (next) next();
      else this.active--;
    }
  }
}
