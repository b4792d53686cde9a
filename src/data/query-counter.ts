import type { Logger, QueryRunner } from 'typeorm';
import type { BatchLogger } from './write-batch';

const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|SET TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i;

/**
 * Counts SQL statements (transaction control excluded) and round trips; tests and the benchmark read
 * them to show per-request counts. A batch (src/data/write-batch.ts) is one round trip of several
 * statements, handed over as its list, never split out of its text.
 */
export class QueryCountingLogger implements Logger, BatchLogger {
  count = 0;
  roundTrips = 0;
  constructor(private readonly echo = false) {}
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner): void {
    this.roundTrips++;
    if (!TRANSACTION_CONTROL.test(query)) this.count++;
    if (this.echo) console.log(query, parameters ?? '');
  }
  logBatch(statements: readonly string[]): void {
    this.roundTrips++;
    for (const statement of statements) if (!TRANSACTION_CONTROL.test(statement)) this.count++;
    if (this.echo) console.log(statements.join(';\n'));
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
