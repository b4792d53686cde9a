import { engineOf, type Db } from './engine';

/** Points spent per caller and minute (budget_spend), for budgets shared by several servers. */
export class BudgetRepository {
  constructor(private readonly db: Db) {}

  /** The caller's buckets newer than `since`, oldest first: [bucket start (ms), points]. */
  async window(caller: string, since: number): Promise<Array<[number, number]>> {
    const rows = await this.db.query('SELECT bucket, points FROM budget_spend WHERE caller = ? AND bucket > ? ORDER BY bucket', [
      caller,
      since,
    ]);
    return rows.map((r: Record<string, unknown>) => [Number(r.bucket), Number(r.points)]);
  }

  /** Adds points to a bucket: one upsert, no read-modify-write, so concurrent servers never lose a charge. */
  async add(caller: string, bucket: number, points: number): Promise<void> {
    const upsert =
      engineOf(this.db) === 'mysql'
        ? 'ON DUPLICATE KEY UPDATE points = points + VALUES(points)'
        : 'ON CONFLICT(caller, bucket) DO UPDATE SET points = points + excluded.points';
    await this.db.query(`INSERT INTO budget_spend (caller, bucket, points) VALUES (?, ?, ?) ${upsert}`, [caller, bucket, points]);
  }

  /** Forgets buckets that have left every window. */
  async prune(before: number): Promise<void> {
    await this.db.query('DELETE FROM budget_spend WHERE bucket <= ?', [before]);
  }
}
