import type { Logger, QueryRunner } from 'typeorm';
import { BATCH_SEPARATOR } from './write-batch';

/** Counts SQL statements; tests and the benchmark read it to show per-request statement counts. */
export class QueryCountingLogger implements Logger {
  count = 0;
  constructor(private readonly echo = false) {}
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner): void {
    // A batched round trip (src/data/write-batch.ts) counts each of its statements.
    for (const statement of query.includes(BATCH_SEPARATOR) ? query.split(BATCH_SEPARATOR) : [query])
      if (!/^\s*(START TRANSACTION|SET TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i.test(statement)) this.count++;
    if (this.echo) console.log(query, parameters ?? '');
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
