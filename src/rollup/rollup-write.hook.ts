import type { Agency, Report } from '../../entities';
import { cellValues } from '../shared/checks';
import type { DataContext, TransactionalConnection } from '../data/transactional-connection';
import { cellsOf, getEdition } from '../shared/editions';
import type { ParsedReport } from '../shared/parsed-report';
import type { ReportWriteHook } from '../services/import.service';
import type { RollupFolder } from './rollup-folder';
import { checkAgainstMembers } from './rollup.service';

/**
 * Keeps region roll-ups in step with every publication, in its own transaction: the newly
 * published OWN revision is queued to be added and the published one it supersedes to be
 * subtracted (src/rollup/rollup-folder.ts folds the queue before any roll-up is read; submitted
 * revisions never enter, README "Filing workflow"). A consolidated report never enters sums; it is
 * checked against its members' sums instead.
 */
export class RollupWriteHook implements ReportWriteHook {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly folder: RollupFolder,
  ) {}

  afterWrite(txCtx: DataContext, written: Report, superseded: Report | null, parsed: ParsedReport, agency: Agency): Promise<void> {
    return this.apply(txCtx, written, superseded, agency, async () => cellValues(parsed));
  }

  afterPublish(txCtx: DataContext, published: Report, superseded: Report | null, agency: Agency): Promise<void> {
    return this.apply(txCtx, published, superseded, agency, async () => {
      const cells = await this.connection.repos(txCtx).reports.cellsOf([published.id]);
      return Object.fromEntries(cells.map((c) => [c.key, c.value]));
    });
  }

  /** After a batch: the queue folded now, so that the first dashboard after an import does not pay for it. */
  async settle(ctx: DataContext): Promise<void> {
    await this.folder.foldAll(ctx);
  }

  private async apply(
    txCtx: DataContext,
    written: Report,
    superseded: Report | null,
    agency: Agency,
    values: () => Promise<Record<string, string | null>>,
  ): Promise<void> {
    if (written.scope !== 'OWN') return this.recordConsolidation(txCtx, agency, written, await values());
    const entries: Array<{ reportId: number; sign: 1 | -1 }> = [{ reportId: written.id, sign: 1 }];
    if (superseded && superseded.scope === 'OWN') entries.push({ reportId: superseded.id, sign: -1 });
    await this.connection.repos(txCtx).rollupPending.add(entries);
  }

  /** A consolidated report against Σ of its region's own reports (as rolled up, the queue folded first): mismatches become findings. */
  private async recordConsolidation(
    txCtx: DataContext,
    agency: Agency,
    written: Report,
    values: Record<string, string | null>,
  ): Promise<void> {
    await this.folder.foldAll(txCtx);
    const repos = this.connection.repos(txCtx);
    const edition = getEdition(written.edition);
    const keys = cellsOf(edition).map((c) => c.key);
    const sums = new Map((await repos.rollupReads.regionSums([agency.regionCode], [written.year], keys)).map((s) => [s.key, s]));
    await repos.findings.insertFor(
      written.id,
      checkAgainstMembers(values, edition, (k) => sums.get(k)),
    );
  }
}
