import type { Finding, Region, Report } from '../../entities';
import type { ReportScope } from '../../entities/report.entity';
import { assertReadsWhole } from '../policy/region.policy';
import { connection, decodeCursor, pageSize } from '../common/cursor';
import { fromMicros } from '../shared/decimal';
import { NotFoundError } from '../common/errors';
import type { TransactionalConnection } from '../data/transactional-connection';
import type { RequestContext } from '../context/request-context';
import { cellsOf, editionForYear, getEdition } from '../shared/editions';
import { renderDocx, renderHtml, type RenderInput } from '../render/report-renderer';
import { assertBeforeDeadline, runHeavy } from './heavy-work';
import { scopedRegionPath } from './region.service';
import { ReportCells } from './report-view';
import { readerOf, visibilityOf } from './visible-reports';

export interface ReportFilterInput {
  agencyId?: string | null;
  regionCode?: string | null;
  year?: number | null;
  fromYear?: number | null;
  toYear?: number | null;
  edition?: string | null;
  scope?: ReportScope | null;
  currentOnly?: boolean | null;
}

export class ReportService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** A revision by id, if the viewer may see it (its state and its region, README "Filing workflow"); null as for no such id. */
  byId(ctx: RequestContext, id: number): Promise<Report | null> {
    return ctx.loaders.visibleReportById.load(id);
  }

  /** The report a finding was reached from: NOT_FOUND, never a null in a non-null field, when the viewer may not read it. */
  async ofFinding(ctx: RequestContext, finding: Pick<Finding, 'reportId'>): Promise<Report> {
    const report = await this.byId(ctx, finding.reportId);
    if (!report) throw new NotFoundError('report', finding.reportId);
    return report;
  }

  async list(ctx: RequestContext, filter: ReportFilterInput | null | undefined, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const regionPath = await scopedRegionPath(ctx, filter?.regionCode);
    const { rows, total } = await this.connection.repos(ctx).reports.page({
      agencyId: filter?.agencyId != null ? Number(filter.agencyId) : null,
      regionPath,
      year: filter?.year,
      fromYear: filter?.fromYear,
      toYear: filter?.toYear,
      edition: filter?.edition,
      scope: filter?.scope,
      currentOnly: filter?.currentOnly ?? true,
      visibility: visibilityOf(ctx.viewer),
      afterId: decodeCursor('report', after),
      limit,
    });
    // The page was read for the same viewer (its revisions, within its region): a report asked by id later is one of these.
    for (const r of rows) ctx.loaders.visibleReportById.prime(r.id, r);
    return connection('report', rows, total, limit);
  }

  async cells(ctx: RequestContext, report: Report): Promise<ReportCells> {
    return new ReportCells(report.edition, await ctx.loaders.visibleCellsByReportId.load(report.id));
  }

  /** Reads the report's cells through `read`: one batched load per request, whatever the fields asked. */
  async withCells<T>(ctx: RequestContext, report: Report, read: (cells: ReportCells) => T): Promise<T> {
    return read(await this.cells(ctx, report));
  }

  /** The report in its edition's official template: HTML text, or a Word document as base64. */
  async rendered(ctx: RequestContext, report: Report, format: 'HTML' | 'DOCX'): Promise<string> {
    // Its figures are read in its turn too: a page of renders read at once is one long synchronous read on SQLite.
    return this.render(ctx, () => this.renderInput(ctx, report), format);
  }

  /** A render in one of the server's turns for heavy work (heavy-work.ts), stopped between its tables once the request's deadline has passed. */
  private render(ctx: RequestContext, input: () => Promise<RenderInput> | RenderInput, format: 'HTML' | 'DOCX'): Promise<string> {
    const checkpoint = () => assertBeforeDeadline(ctx);
    return runHeavy(ctx, async () => {
      const given = await input();
      checkpoint();
      return format === 'HTML' ? renderHtml(given, checkpoint) : (await renderDocx(given, checkpoint)).toString('base64');
    });
  }

  /**
   * The region's 汇总: Region.rollup(year)'s sums (published own reports, the same pre-aggregated
   * region_rollup and the same whole-region rule) in the template of the edition in force that year.
   * A key no agency reported (no non-blank part) stays blank, never zero.
   */
  async renderedRollup(ctx: RequestContext, region: Region, year: number, format: 'HTML' | 'DOCX'): Promise<string> {
    assertReadsWhole(ctx.viewer, region.path, `region ${region.code}`);
    const edition = editionForYear(year);
    const keys = cellsOf(edition).map((c) => c.key);
    const sums = await ctx.loaders.rollupByRegionYearLoader.loadMany(keys.map((k) => `${region.code}|${year}|${k}`));
    const cells = Object.fromEntries(
      keys.map((k, i) => {
        const s = sums[i];
        if (s instanceof Error) throw s;
        return [k, { value: s && s.nonNull > 0 ? fromMicros(s.micros) : null }];
      }),
    );
    const input: RenderInput = {
      edition,
      year,
      agencyName: region.name,
      title: `${region.name}${year}年度${edition.titleSuffix}（汇总）`,
      cells,
      narratives: [],
    };
    return this.render(ctx, () => input, format);
  }

  private async renderInput(ctx: RequestContext, r: Report): Promise<RenderInput> {
    const [cells, narratives, agency] = await Promise.all([this.cells(ctx, r), this.narratives(ctx, r), this.agency(ctx, r)]);
    const edition = getEdition(r.edition);
    return {
      edition,
      year: r.year,
      agencyName: agency.name,
      title: r.title,
      cells: Object.fromEntries(cellsOf(edition).map((c) => [c.key, { value: cells.decimal(c.key), raw: cells.raw(c.key) }])),
      narratives,
    };
  }

  async narrative(ctx: RequestContext, report: Report, section: number): Promise<string | null> {
    const rows = await ctx.loaders.visibleNarrativesByReportId.load(report.id);
    return rows.find((n) => n.section === section)?.text ?? null;
  }

  narratives(ctx: RequestContext, report: Report) {
    return ctx.loaders.visibleNarrativesByReportId.load(report.id);
  }

  async agency(ctx: RequestContext, report: Report) {
    const agency = await ctx.loaders.agencyByIdLoader.load(report.agencyId);
    if (!agency) throw new NotFoundError('agency', report.agencyId);
    return agency;
  }

  /** The series' revisions the viewer may see, oldest first: corrections never hide the older ones. */
  revisions(ctx: RequestContext, report: Report): Promise<Report[]> {
    return ctx.loaders.visibleRevisionsBySeries.load({ agencyId: report.agencyId, year: report.year, scope: report.scope });
  }

  sourceText(ctx: RequestContext, report: Report): Promise<string> {
    return this.connection.repos(ctx).reports.sourceText(report.id, readerOf(ctx.viewer));
  }
}
