import type { Agency, Report } from '../../entities';
import { cellValues } from '../checks';
import { fromMicros, toMicros } from '../common/decimal';
import { REPORTS_KEY, type RollupDelta, type SumCell } from '../data/rollup.repository';
import { pathCodes } from '../data/subtree';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import { cellsOf, getEdition } from '../editions';
import type { ParsedReport } from '../ingest/parsed-report';
import type { ReportWriteHook } from '../services/import.service';
import { checkAgainstMembers } from './rollup.service';

/**
 * Keeps region roll-ups in step with every publication, in its own transaction: the newly
 * published OWN revision is added and the published one it supersedes subtracted, for every
 * ancestor region (submitted revisions never enter, README "Filing workflow"). A consolidated
 * report never enters sums; it is checked against its members' sums instead.
 */
export class RollupWriteHook implements ReportWriteHook {
  constructor(private readonly connection: TransactionalConnection) {}

  afterWrite(txCtx: DataContext, written: Report, superseded: Report | null, parsed: ParsedReport, agency: Agency): Promise<void> {
    return this.apply(txCtx, written, superseded, cellValues(parsed), agency);
  }

  async afterPublish(txCtx: DataContext, published: Report, superseded: Report | null, agency: Agency): Promise<void> {
    const cells = await this.connection.repos(txCtx).reports.cellsOf([published.id]);
    return this.apply(txCtx, published, superseded, Object.fromEntries(cells.map((c) => [c.key, c.value])), agency);
  }

  private async apply(txCtx: DataContext, written: Report, superseded: Report | null, values: Record<string, string | null>, agency: Agency): Promise<void> {
    const repos = this.connection.repos(txCtx);
    if (written.scope !== 'OWN') {
      await this.recordConsolidation(txCtx, agency, written, values);
      return;
    }
    const acc = new Map<string, SumCell>();
    const add = (key: string, value: string | null, sign: 1 | -1) => {
      const a = acc.get(key) ?? { micros: 0n, nonNull: 0, reports: 0 };
      if (value !== null && value !== undefined) {
        a.micros += BigInt(sign) * toMicros(value);
        a.nonNull += sign;
      }
      a.reports += sign;
      acc.set(key, a);
    };
    for (const [key, value] of Object.entries(values)) add(key, value, 1);
    add(REPORTS_KEY, null, 1);
    if (superseded && superseded.scope === 'OWN') {
      for (const c of await repos.reports.cellsOf([superseded.id])) add(c.key, c.value, -1);
      add(REPORTS_KEY, null, -1);
    }
    const deltas: RollupDelta[] = [];
    for (const code of pathCodes(agency.regionPath))
      for (const [key, a] of acc)
        if (a.micros !== 0n || a.nonNull !== 0 || a.reports !== 0)
          deltas.push({ regionCode: code, year: written.year, key, agencyKind: agency.kind, total: fromMicros(key === REPORTS_KEY ? BigInt(a.reports) * 1_000_000n : a.micros), nonNull: key === REPORTS_KEY ? a.reports : a.nonNull, reports: a.reports });
    if (deltas.length) await repos.rollups.applyDeltas(deltas);
  }

  /** A consolidated report against Σ of its region's own reports (as rolled up): mismatches become findings. */
  private async recordConsolidation(txCtx: DataContext, agency: Agency, written: Report, values: Record<string, string | null>): Promise<void> {
    const repos = this.connection.repos(txCtx);
    const edition = getEdition(written.edition);
    const keys = cellsOf(edition).map((c) => c.key);
    const sums = new Map((await repos.rollups.regionSums([agency.regionCode], [written.year], keys)).map((s) => [s.key, s]));
    await repos.findings.insertFor(written.id, checkAgainstMembers(values, edition, (k) => sums.get(k)));
  }
}
