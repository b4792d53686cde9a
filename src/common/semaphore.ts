/** A permit held: release it once, when the work is done (a second call does nothing). */
export type Grant = { release: () => void } | { refused: 'full' | 'timeout' };

/**
 * A counting semaphore with a bounded, first-come first-served wait: at most `permits` holders at
 * once, at most `maxQueue` waiting, each waiting at most the time it gives. A refusal is an
 * answer, not an exception, so that the caller names it in its own terms.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly permits: number,
    readonly maxQueue: number,
  ) {}

  /** Holders and waiters now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  acquire(waitMs: number): Promise<Grant> {
    if (this.running < this.permits && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve({ release: this.releaser() });
    }
    if (this.waiting.length >= this.maxQueue || waitMs <= 0)
      return Promise.resolve({ refused: this.waiting.length >= this.maxQueue ? 'full' : 'timeout' });
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        this.running++;
        resolve({ release: this.releaser() });
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve({ refused: 'timeout' });
      }, waitMs);
      this.waiting.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}
