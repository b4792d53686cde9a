import type { Report } from '../../../entities';
import { cellsOf, getEdition } from '../../editions';
import { renderDocx, renderHtml, type RenderInput } from '../../render/report-renderer';
import type { RequestContext } from '../request-context';

async function renderInput(r: Report, ctx: RequestContext): Promise<RenderInput> {
  const [cells, narratives, agency] = await Promise.all([
    ctx.services.reports.cells(ctx, r),
    ctx.services.reports.narratives(ctx, r),
    ctx.services.reports.agency(ctx, r),
  ]);
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

export const renderResolvers = {
  Report: {
    rendered: async (r: Report, { format }: { format: 'HTML' | 'DOCX' }, ctx: RequestContext) => {
      const input = await renderInput(r, ctx);
      return format === 'HTML' ? renderHtml(input) : (await renderDocx(input)).toString('base64');
    },
  },
};
