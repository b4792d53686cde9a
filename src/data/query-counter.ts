import type { Logger, QueryRunner } from 'typeorm';

/** Counts SQL statements; tests and the benchmark read it to show per-request statement counts. */
export class QueryCountingLogger implements Logger {
  count = 0;
  constructor(private readonly echo = false) {}
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner): void {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i.test(query)) return;
    this.count++;
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
