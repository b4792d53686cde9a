import { engineOf, type Db } from './engine';

export interface ThrottleRow {
  key: string;
  /** ms since the epoch */
  windowStart: number;
  failures: number;
  lastFailureAt: number;
}

/** Failed-login runs per account, name or address (login_throttle), shared by every server on the database. */
export class LoginThrottleRepository {
  constructor(private readonly db: Db) {}

  /** The rows of these keys (one indexed statement). */
  async rows(keys: readonly string[]): Promise<ThrottleRow[]> {
    if (!keys.length) return [];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT throttle_key, window_start, failures, last_failure_at FROM login_throttle WHERE throttle_key IN (${keys.map(() => '?').join(', ')})`,
      [...keys],
    );
    return rows.map((r) => ({
      key: String(r.throttle_key),
      windowStart: Number(r.window_start),
      failures: Number(r.failures),
      lastFailureAt: Number(r.last_failure_at),
    }));
  }

  /**
   * One failure more on each key, in one upsert: a key whose last failure is at or before
   * `runEndsBefore` starts a new run at 1. Each row is updated under its lock with its own values,
   * so concurrent failures on any server are all counted.
   */
  async addFailure(keys: readonly string[], at: number, runEndsBefore: number): Promise<void> {
    if (!keys.length) return;
    const mysql = engineOf(this.db) === 'mysql';
    const incoming = (c: string) => (mysql ? `VALUES(${c})` : `excluded.${c}`);
    const ended = 'login_throttle.last_failure_at <= ?';
    // MariaDB applies ON DUPLICATE KEY assignments left to right, each seeing the ones before it:
    // window_start and failures read last_failure_at before it is set, in this order on both engines.
    const set = [
      `window_start = CASE WHEN ${ended} THEN ${incoming('window_start')} ELSE login_throttle.window_start END`,
      `failures = CASE WHEN ${ended} THEN 1 ELSE login_throttle.failures + 1 END`,
      `last_failure_at = ${mysql ? 'GREATEST' : 'MAX'}(login_throttle.last_failure_at, ${incoming('last_failure_at')})`,
    ].join(', ');
    const upsert = mysql ? `ON DUPLICATE KEY UPDATE ${set}` : `ON CONFLICT(throttle_key) DO UPDATE SET ${set}`;
    await this.db.query(
      `INSERT INTO login_throttle (throttle_key, window_start, failures, last_failure_at) VALUES ${keys.map(() => '(?, ?, 1, ?)').join(', ')} ${upsert}`,
      [...keys.flatMap((k) => [k, at, at]), runEndsBefore, runEndsBefore],
    );
  }

  /** Forgets a key's run (a successful login clears its account's). */
  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE throttle_key = ?', [key]);
  }

  /** Forgets runs whose last failure is at or before `before`: they neither count nor lock any more. */
  async prune(before: number): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE last_failure_at <= ?', [before]);
  }
}
