import { fromMicros, toMicros } from '../shared/decimal';
import { REPORTS_KEY, type RollupDelta, type SumCell } from '../data/rollup.repository';
import { pathCodes } from '../data/subtree';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';

/** Entries folded per transaction: a few hundred reports' cells, one upsert of their sums. */
const BATCH = 200;

/**
 * Folds pending publications (rollup_pending) into region_rollup. A publication only queues its
 * report (+1) and the one it superseded (−1), in its own transaction; the fold sums the queued
 * reports' cells for every ancestor region, year and agency kind, and applies the sums in one upsert
 * per batch. A county's 200 filings of one year become one upsert of ~1,000 rows instead of 200
 * upserts of 800, and concurrent filings (or Galera nodes) never write the same roll-up rows.
 * Folding is a step of its own, on the primary: the fold job (./rollup-fold.job.ts), the end of an
 * import (ImportService.settle), a consolidated filing's check. A read never folds: it adds the
 * entries still queued on the fly (src/data/rollup-queue-read.ts), so it sees every filing that
 * committed before it asked, and the figures folding would give.
 */
const folders = new WeakMap<TransactionalConnection, RollupFolder>();

/** The folder of a connection (stateless; one per connection so that services and request contexts share it). */
export function rollupFolderOf(connection: TransactionalConnection): RollupFolder {
  let folder = folders.get(connection);
  if (!folder) folders.set(connection, (folder = new RollupFolder(connection)));
  return folder;
}

export class RollupFolder {
  constructor(private readonly connection: TransactionalConnection) {}

  /** One cheap statement when nothing waits, else the fold, now; returns the entries folded. */
  async foldIfPending(ctx: DataContext): Promise<number> {
    return (await this.connection.repos(ctx).rollupPending.any()) ? this.foldAll(ctx) : 0;
  }

  /** Folds everything pending, batch by batch (each its own transaction unless ctx is in one); returns the entries folded. */
  async foldAll(ctx: DataContext): Promise<number> {
    let folded = 0;
    for (;;) {
      const n = await this.connection.withTransaction(ctx, (tx) => this.foldBatch(tx), { isolation: 'READ COMMITTED' });
      folded += n;
      if (n < BATCH) return folded;
    }
  }

  private async foldBatch(tx: DataContext): Promise<number> {
    const repos = this.connection.repos(tx);
    const entries = await repos.rollupPending.take(BATCH);
    if (!entries.length) return 0;
    const ids = [...new Set(entries.map((e) => e.reportId))];
    const reports = new Map((await repos.rollupPending.reportsOf(ids)).map((r) => [r.id, r]));
    const cells = new Map<number, Array<{ key: string; micros: bigint | null }>>();
    for (const c of await repos.rollupPending.cellValuesOf(ids)) {
      const list = cells.get(c.reportId) ?? [];
      if (!list.length) cells.set(c.reportId, list);
      list.push({ key: c.key, micros: c.value === null ? null : toMicros(c.value) });
    }
    const acc = new Map<string, SumCell & { regionCode: string; year: number; kind: string; key: string }>();
    const add = (regionCode: string, year: number, kind: string, key: string, micros: bigint, nonNull: number, reports: number) => {
      const k = `${regionCode}|${year}|${kind}|${key}`;
      const a = acc.get(k) ?? { regionCode, year, kind, key, micros: 0n, nonNull: 0, reports: 0 };
      a.micros += micros;
      a.nonNull += nonNull;
      a.reports += reports;
      acc.set(k, a);
    };
    for (const e of entries) {
      const r = reports.get(e.reportId);
      if (!r) continue; // cannot happen: reports are never deleted
      const sign = BigInt(e.sign);
      for (const code of pathCodes(r.regionPath)) {
        for (const c of cells.get(r.id) ?? [])
          add(code, r.year, r.kind, c.key, c.micros === null ? 0n : sign * c.micros, c.micros === null ? 0 : e.sign, e.sign);
        add(code, r.year, r.kind, REPORTS_KEY, sign * 1_000_000n, e.sign, e.sign);
      }
    }
    const deltas: RollupDelta[] = [];
    for (const a of acc.values())
      if (a.micros !== 0n || a.nonNull !== 0 || a.reports !== 0)
        deltas.push({
          regionCode: a.regionCode,
          year: a.year,
          key: a.key,
          agencyKind: a.kind,
          total: fromMicros(a.micros),
          nonNull: a.nonNull,
          reports: a.reports,
        });
    if (deltas.length) await repos.rollups.applyDeltas(deltas);
    await repos.rollupPending.remove(entries.map((e) => e.id));
    return entries.length;
  }
}
