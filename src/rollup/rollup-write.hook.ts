import type { EntityManager } from 'typeorm';
import { Agency, Report } from '../../entities';
import { FindingRepository } from '../data/finding.repository';
import { cellValues, checkConsolidated } from '../checks';
import { fromMicros, toMicros } from '../common/decimal';
import { REPORTS_KEY, RollupRepository, type RollupDelta } from '../data/rollup.repository';
import { cellsOf, getEdition } from '../editions';
import type { ParsedReport } from '../ingest/parsed-report';
import type { ReportWriteHook } from '../services/import.service';
import { pathCodes } from '../data/subtree';

interface Acc {
  micros: bigint;
  nonNull: number;
  reports: number;
}

/**
 * Keeps region roll-ups in step with every report write, in the write's own transaction: the new
 * OWN revision is added and the one it supersedes subtracted, for every ancestor region. A
 * consolidated report never enters sums; it is checked against its members' sums instead.
 */
export class RollupWriteHook implements ReportWriteHook {
  async afterWrite(manager: EntityManager, written: Report, superseded: Report | null, parsed: ParsedReport): Promise<void> {
    const agency = await manager.getRepository(Agency).findOneByOrFail({ id: written.agencyId });
    const repo = new RollupRepository(manager);
    if (written.scope !== 'OWN') {
      await this.recordConsolidation(manager, repo, agency, written, parsed);
      return;
    }
    const acc = new Map<string, Acc>();
    const add = (key: string, value: string | null, sign: 1 | -1) => {
      const a = acc.get(key) ?? { micros: 0n, nonNull: 0, reports: 0 };
      if (value !== null && value !== undefined) {
        a.micros += BigInt(sign) * toMicros(String(value));
        a.nonNull += sign;
      }
      a.reports += sign;
      acc.set(key, a);
    };
    for (const [key, cell] of Object.entries(parsed.cells)) add(key, cell.value, 1);
    add(REPORTS_KEY, null, 1);
    if (superseded && superseded.scope === 'OWN') {
      const old: Array<{ cell_key: string; value: string | number | null }> = await manager.query('SELECT cell_key, value FROM report_cell WHERE report_id = ?', [superseded.id]);
      for (const c of old) add(c.cell_key, c.value === null ? null : String(c.value), -1);
      add(REPORTS_KEY, null, -1);
    }
    const deltas: RollupDelta[] = [];
    for (const code of pathCodes(agency.regionPath))
      for (const [key, a] of acc)
        if (a.micros !== 0n || a.nonNull !== 0 || a.reports !== 0)
          deltas.push({ regionCode: code, year: written.year, key, agencyKind: agency.kind, total: fromMicros(key === REPORTS_KEY ? BigInt(a.reports) * 1_000_000n : a.micros), nonNull: key === REPORTS_KEY ? a.reports : a.nonNull, reports: a.reports });
    if (deltas.length) await repo.applyDeltas(deltas);
  }

  /** A consolidated report against Σ of its region's own reports (as rolled up): mismatches become findings. */
  private async recordConsolidation(manager: EntityManager, repo: RollupRepository, agency: Agency, written: Report, parsed: ParsedReport): Promise<void> {
    const edition = getEdition(written.edition);
    const keys = cellsOf(edition).map((c) => c.key);
    const sums = await repo.regionSums([agency.regionCode], [written.year], keys);
    const memberSums = Object.fromEntries(sums.map((s) => [s.key, s.nonNull > 0 ? fromMicros(toMicros(String(s.total))) : null]));
    const values = cellValues(parsed);
    const findings = checkConsolidated(values, memberSums, edition);
    await new FindingRepository(manager).insertFor(written.id, findings);
  }
}
