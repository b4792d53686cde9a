/** Seeded PRNG (mulberry32): the same seed gives the same population on every machine. */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
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
