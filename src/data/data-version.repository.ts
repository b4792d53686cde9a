import type { Db } from './engine';
import { writeBatchOf } from './write-batch';

/**
 * The data version: bumped by every write in the write's own transaction, read once per request.
 * Answers cached under one version are never served under another, so no reader sees a stale figure,
 * whichever process or machine did the write.
 */
export class DataVersionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<string> {
    const rows: Array<{ version: string | number }> = await this.db.query('SELECT version FROM data_version WHERE id = 1');
    return String(rows[0]?.version ?? 0);
  }

  async bump(): Promise<void> {
    await writeBatchOf(this.db).add('UPDATE data_version SET version = version + 1 WHERE id = 1', [], { table: 'data_version' });
  }
}
