import { SeededRandom } from '../shared/seeded-random';

/** The population generator's draws: the shared seeded generator plus the shapes real reports have. */
export class Prng extends SeededRandom {
  constructor(seed: number) {
    // A zero seed would start mulberry32 from 0; the generator has always mapped it to this constant.
    super(seed >>> 0 || 0x9e3779b9);
  }

  /** Heavy-tailed size: most draws a handful, a few thousands (real application counts look like this). */
  skewed(): number {
    const u = this.next();
    if (u < 0.35) return 0;
    if (u < 0.75) return this.int(1, 6);
    if (u < 0.93) return this.int(7, 40);
    if (u < 0.985) return this.int(41, 400);
    return this.int(401, 4000);
  }

  /** Splits n into parts proportional to weights (jittered), summing exactly to n. */
  split(n: number, weights: readonly number[]): number[] {
    const w = weights.map((x) => x * (0.5 + this.next()));
    const sum = w.reduce((a, b) => a + b, 0);
    const out = w.map((x) => Math.floor((n * x) / sum));
    let rest = n - out.reduce((a, b) => a + b, 0);
    while (rest > 0) {
      out[this.weighted(w, sum)]++;
      rest--;
    }
    return out;
  }

  private weighted(w: number[], sum: number): number {
    let u = this.next() * sum;
    for (let i = 0; i < w.length; i++) if ((u -= w[i]) < 0) return i;
    return w.length - 1;
  }
}
