import type { DataSource, QueryRunner } from 'typeorm';
import { QueryTimeoutError, UnavailableError, type NianbaoError } from '../common/errors';
import type { Env } from '../config/env';
import { dropDatabase } from './mysql-admin';
import { engineOf, type Db, type Engine } from './engine';
import type { QueryCountingLogger } from './query-counter';
import { createRepositories, type Repositories } from './repositories';
import { batchRunner, MysqlWriteBatch, TransactionDb } from './write-batch';

/**
 * A transaction in progress, as a context carries it: opaque outside src/data, so that no service
 * ever holds the EntityManager behind it.
 */
export class TransactionState {
  private readonly brand = 'transaction';
}

/** Driver codes of a database that cannot be reached or went away (mysql2 and node's socket codes). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
]);
/** MariaDB's ER_STATEMENT_TIMEOUT: a statement ran past `max_statement_time` (src/data/open-database.ts sets it). */
const STATEMENT_TIMEOUT_ERRNO = 1969;

/**
 * What an engine failure means to a caller, or null when it is not one the data layer knows: the
 * database away (UNAVAILABLE, no engine detail: the engine's message names hosts and ports) or a
 * statement cut off by the statement timeout. The error mapping asks this of every unknown error.
 */
export function dataFailure(error: unknown): NianbaoError | null {
  const e = (error as { driverError?: unknown })?.driverError ?? error;
  if (!e || typeof e !== 'object') return null;
  const { code, errno, message } = e as { code?: unknown; errno?: unknown; message?: unknown };
  if (errno === STATEMENT_TIMEOUT_ERRNO || code === 'ER_STATEMENT_TIMEOUT') return new QueryTimeoutError('statement');
  const closed = typeof message === 'string' && /closed state|Pool is closed|Connection lost/i.test(message);
  if ((typeof code === 'string' && UNREACHABLE.has(code)) || closed)
    return new UnavailableError('the database is unavailable for now: try again shortly', { retryable: true });
  return null;
}

const managers = new WeakMap<TransactionState, Db>();

/** What the data layer needs of a context: whether it runs inside a transaction. */
export interface DataContext {
  readonly transaction?: TransactionState | null;
}

/** One dedicated database connection for a bulk load: session settings hold for every batch. */
export interface DataSession {
  readonly repos: Repositories;
  /** Runs `work` as one transaction of this session, with repositories bound to it. */
  inTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/**
 * The only door to the database (in the manner of Vendure's TransactionalConnection): code reads
 * `connection.repos(ctx)` inside a transaction and outside it alike, and the repositories are bound
 * to ctx's transaction when it has one.
 */
export class TransactionalConnection {
  private readonly pooled: Repositories;
  /**
   * SQLite: the driver shares one connection, so two transactions begun together would nest as
   * savepoints of one another; they are run one after the other instead (concurrent filings).
   */
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly env?: Env,
    /** MariaDB: the pool of batched transactions (multipleStatements), beside the main one (src/data/open-database.ts). */
    private readonly batchSource: DataSource | null = null,
  ) {
    this.pooled = createRepositories(dataSource);
  }

  get engine(): Engine {
    return engineOf(this.dataSource);
  }

  /**
   * Transactions a bulk writer may keep open at once: MariaDB commits several together (group
   * commit) and overlaps one's round trips with another's work; SQLite has one writer.
   */
  get writeLanes(): number {
    return this.engine === 'sqlite' ? 1 : WRITE_LANES;
  }

  /** The repositories, bound to ctx's transaction if it has one; without ctx, the connection pool's. */
  repos(ctx?: DataContext): Repositories {
    const manager = ctx?.transaction ? managers.get(ctx.transaction) : undefined;
    return manager ? createRepositories(manager) : this.pooled;
  }

  /**
   * Runs `work` in a transaction with a copy of ctx bound to it: all or nothing. A ctx already in a
   * transaction joins it, so a service may wrap its writes whether or not its caller did. The copy's
   * other fields (loaders) are ctx's own and read outside the transaction: write paths read through
   * repos(txCtx).
   */
  async withTransaction<C extends DataContext, T>(
    ctx: C,
    work: (txCtx: C) => Promise<T>,
    opts: { isolation?: 'READ COMMITTED' } = {},
  ): Promise<T> {
    if (ctx.transaction) return work(ctx);
    // READ COMMITTED (MariaDB) for work that locks a queue's head: no gap locks, so writers appending to it never wait.
    const isolation = this.engine === 'mysql' ? opts.isolation : undefined;
    const run = () =>
      this.transaction(isolation, async (manager) => {
        const transaction = new TransactionState();
        managers.set(transaction, manager);
        return work({ ...ctx, transaction });
      });
    if (this.engine !== 'sqlite') return retryConflicts(run);
    const turn = this.sqliteQueue.then(run, run);
    this.sqliteQueue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * As DataSource.transaction; on MariaDB with a write batch (src/data/write-batch.ts) on a
   * connection of the batch pool: its START TRANSACTION and queued writes go with the next
   * statement, everything still waiting with COMMIT, and a failure drops what waits unsent.
   */
  private async transaction<T>(isolation: 'READ COMMITTED' | undefined, fn: (db: Db) => Promise<T>): Promise<T> {
    const source = this.batchSource;
    if (this.engine !== 'mysql' || !source) return isolation ? this.dataSource.transaction(isolation, fn) : this.dataSource.transaction(fn);
    const runner = source.createQueryRunner() as QueryRunner & { isTransactionActive: boolean };
    let batch: MysqlWriteBatch | undefined;
    try {
      batch = new MysqlWriteBatch(await runner.connect(), source.logger as QueryCountingLogger);
      batch.begin(isolation);
      batchRunner(runner, batch);
      // TypeORM did not send this START TRANSACTION (the batch sends it with the first statement, a
      // round trip fewer a transaction): its runner is told it is in one, so that locking reads are
      // allowed and save() opens no transaction of its own (FlushBeforeQuery refuses any that would).
      runner.isTransactionActive = true;
      const out = await fn(new TransactionDb(source, runner, batch));
      await batch.commit();
      return out;
    } catch (e) {
      if (batch?.discard()) await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      runner.isTransactionActive = false;
      await runner.release();
    }
  }

  /** Runs `work` on one connection of its own (a bulk load's session settings must stay on it), released afterwards. */
  async withSession<T>(work: (session: DataSession) => Promise<T>): Promise<T> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    // A bulk load's long statements (roll-up rebuilds) are not a caller's query: lift the request
    // statement timeout for this session, and put it back before the connection returns to the pool.
    const mysql = this.engine === 'mysql';
    const limit: Array<{ t: string | number }> = mysql ? await qr.query('SELECT @@SESSION.max_statement_time AS t') : [];
    if (mysql) await qr.query('SET SESSION max_statement_time = 0');
    const repos = createRepositories(qr.manager);
    const session: DataSession = {
      repos,
      async inTransaction(fn) {
        await qr.startTransaction();
        try {
          const out = await fn(repos);
          await qr.commitTransaction();
          return out;
        } catch (e) {
          await qr.rollbackTransaction();
          throw e;
        }
      },
    };
    try {
      return await work(session);
    } finally {
      if (mysql) await qr.query(`SET SESSION max_statement_time = ${Number(limit[0]?.t ?? 0)}`);
      await qr.release();
    }
  }

  /** SQL statements run so far (transaction control excluded): tests and benchmarks read per-request counts. */
  statementCount(): number {
    return (this.dataSource.options.logger as QueryCountingLogger).count;
  }

  /** Round trips to the database so far (a batch of statements is one): tests keep a stored report's count. */
  roundTripCount(): number {
    return (this.dataSource.options.logger as QueryCountingLogger).roundTrips;
  }

  /** Names of the applied migrations, oldest first. */
  async appliedMigrations(): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM migrations ORDER BY id');
    return rows.map((r) => r.name);
  }

  /**
   * The TypeORM DataSource itself, for tests and benchmarks that inspect tables or time a
   * hand-written SQL baseline. Code under src/ reads through repos(); the architecture test keeps it so.
   */
  get rawDataSource(): DataSource {
    return this.dataSource;
  }

  /** Closes the pool; `drop` also drops a MySQL database (tests and benchmarks clean up after themselves). */
  async close(opts: { drop?: boolean } = {}): Promise<void> {
    if (this.batchSource?.isInitialized) await this.batchSource.destroy();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (opts.drop && this.env) await dropDatabase(this.env);
  }
}

/** Concurrent bulk writers on MariaDB: two cores gain little past four. */
const WRITE_LANES = 4;

/**
 * InnoDB resolves a deadlock (1213) or a lock wait timeout (1205) by rolling one transaction back
 * whole; concurrent writers of the same roll-up rows can meet one. Nothing of it was kept, so it is
 * run again, a few times, after a short random pause; any other error goes to the caller.
 */
async function retryConflicts<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const errno = (e as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ?? (e as { errno?: number }).errno;
      if ((errno !== 1213 && errno !== 1205) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
