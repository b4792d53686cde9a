import { createHash } from 'crypto';
import type { Agency, Finding, Report } from '../../entities';
import type { ReportState } from '../../entities/report.entity';
import { checkReport } from '../shared/checks';
import { BadInputError, ConflictError, NianbaoError } from '../common/errors';
import { textCapacity } from '../data/column-capacity';
import { PUBLIC_READER } from '../data/report-visibility';
import type { TransactionalConnection } from '../data/transactional-connection';
import { cellDef, editionForYear, findEdition, type EditionDef } from '../shared/editions';
import { figuresReport, FIGURE, sectionHeading } from '../shared/figures-report';
import type { RequestContext } from '../context/request-context';
import type { ParsedNarrative } from '../shared/parsed-report';
import { assertMayFile, assertMayStep, type StepActor } from '../policy/workflow.policy';
import type { AuditAction, AuditService } from './audit.service';
import { expectedScope } from './compliance.service';
import type { ImportService } from './import.service';
import { runHeavy } from './heavy-work';
import type { ParsePool } from './parse-pool';
import type { PreparedReport } from './report-preparation';
import { readerOf } from './visible-reports';

export interface FilingOptions {
  agencyId: string;
  year: number;
  /** The day the agency published the report on its own site (yyyy-mm-dd), when the file does not say. */
  publishedOn?: string | null;
  /** Why: required of a correction of a filed revision. */
  reason?: string | null;
  /** Keep as DRAFT (visible to the agency only) instead of submitting. */
  draft?: boolean | null;
}

/** A report file as sent: base64 bytes under the name the sender gave. */
export interface FileInput {
  agencyId: string;
  year: number;
  fileName: string;
  contentBase64: string;
}

export interface SubmitReportInput extends FilingOptions, FileInput {}

export interface SubmitFiguresInput extends FilingOptions {
  /** An edition id; the one in force for the year when absent. */
  edition?: string | null;
  cells: Array<{ key: string; value?: string | null }>;
  /** The text sections, at most one per section of the edition. */
  narratives?: Array<{ section: number; heading?: string | null; text: string }> | null;
  title?: string | null;
}

export interface FilingResult {
  report: Report;
  findings: Finding[];
}

/** The columns a correction's reason and a return's comment are stored in hold these (the API's `@maxLength` is checked against them at start). */
const REASON_MAX = textCapacity('Report', 'reason');
const RETURN_COMMENT_MAX = textCapacity('Report', 'returnComment');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Who may move a revision out of each state, and where to (README "Filing workflow"). */
const TRANSITIONS: Record<'SUBMIT_DRAFT' | 'RETURN' | 'ACCEPT' | 'PUBLISH', { from: ReportState; to: ReportState; by: StepActor }> = {
  SUBMIT_DRAFT: { from: 'DRAFT', to: 'SUBMITTED', by: 'filer' },
  RETURN: { from: 'SUBMITTED', to: 'RETURNED', by: 'supervisor' },
  ACCEPT: { from: 'SUBMITTED', to: 'ACCEPTED', by: 'supervisor' },
  PUBLISH: { from: 'ACCEPTED', to: 'PUBLISHED', by: 'supervisor' },
};

type StatePatch = Partial<Pick<Report, 'state' | 'publishedCurrent' | 'returnComment' | 'returnedFindings'>>;

const snapshot = (r: Report | null) => (r ? { revision: r.revision, state: r.state } : null);

function text(value: string | null | undefined, argument: string, where: string, max: number): string | null {
  const t = value?.trim() || null;
  if (t && t.length > max) throw new BadInputError(`${where}${argument}: longer than ${max} characters`, { argument });
  return t;
}

/**
 * The narrative sections given with figures, in section order: each a section of the edition, once;
 * a section left empty is not written rather than stored blank; the heading the edition's own when absent.
 */
function narrativesOf(edition: EditionDef, given: NonNullable<SubmitFiguresInput['narratives']>): ParsedNarrative[] {
  const sections = new Map(edition.sections.map((s) => [s.number, s]));
  const seen = new Set<number>();
  const out: ParsedNarrative[] = [];
  given.forEach((n, i) => {
    const def = sections.get(n.section);
    if (!def)
      throw new BadInputError(
        `narratives[${i}].section ${n.section}: not a section of edition ${edition.id} (${[...sections.keys()].join(', ')})`,
        { argument: `narratives[${i}].section` },
      );
    if (seen.has(n.section))
      throw new BadInputError(`narratives[${i}].section ${n.section}: given twice`, { argument: `narratives[${i}].section` });
    seen.add(n.section);
    const text = n.text.trim();
    if (text) out.push({ section: n.section, heading: n.heading?.trim() || sectionHeading(edition, n.section), text });
  });
  return out;
}

/**
 * The filing workflow: agencies file (a file in any format the readers read, or figures by key)
 * and correct by new revisions with a reason; supervisors return, accept and publish. Each step is
 * one transaction with its audit row; roll-ups change only when a revision is published.
 */
export class WorkflowService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly imports: ImportService,
    private readonly audit: AuditService,
    /** The sandbox files from requests are read in (threads with heap and time limits). */
    private readonly files: ParsePool,
  ) {}

  async submitReport(ctx: RequestContext, input: SubmitReportInput): Promise<FilingResult> {
    const { file, prepared } = await this.readFiling(ctx, input);
    return this.file(ctx, input, file, prepared);
  }

  /**
   * A file decoded, the caller's right to file for the agency checked, then read and checked: the
   * part of submitReport that stores nothing, shared with previewReport so both answer alike.
   */
  async readFiling(ctx: RequestContext, input: FileInput): Promise<{ agency: Agency; file: string; prepared: PreparedReport }> {
    const file = input.fileName.trim();
    if (!file) throw new BadInputError('fileName: give the name of the file sent', { argument: 'fileName' });
    const b64 = input.contentBase64.replace(/\s+/g, '');
    if (b64.length % 4 === 1 || !BASE64.test(b64))
      throw new BadInputError(`${file}: contentBase64 is not base64`, { argument: 'contentBase64', file });
    const bytes = Buffer.from(b64, 'base64');
    if (!bytes.length) throw new BadInputError(`${file}: the file is empty`, { argument: 'contentBase64', file });
    // Refused before reading when the caller may not file for this agency: no parse on a stranger's behalf.
    const agency = await this.filingAgency(ctx, input.agencyId, file);
    // Read in the sandbox, in one of the server's turns for heavy work; the request's deadline ends the read too.
    const prepared = await runHeavy(ctx, () =>
      this.files.prepareBytes(bytes, file, input.year, ctx.deadline === undefined ? undefined : ctx.deadline - Date.now()),
    );
    return { agency, file, prepared };
  }

  /** Figures by cell key (docs/format.md): the cells not given are blank, never zero. */
  async submitFigures(ctx: RequestContext, input: SubmitFiguresInput): Promise<FilingResult> {
    const file = `figures ${input.agencyId}-${input.year}.json`;
    await this.filingAgency(ctx, input.agencyId, file);
    const edition = input.edition ? findEdition(input.edition) : editionForYear(input.year);
    if (!edition) throw new BadInputError(`edition "${input.edition}": not a registered edition`, { argument: 'edition' });
    const given = new Map<string, string | null>();
    input.cells.forEach((c, i) => {
      if (!cellDef(edition, c.key))
        throw new BadInputError(`cells[${i}].key "${c.key}": not a cell of edition ${edition.id} (docs/format.md)`, {
          argument: `cells[${i}].key`,
        });
      if (given.has(c.key)) throw new BadInputError(`cells[${i}].key "${c.key}": given twice`, { argument: `cells[${i}].key` });
      const v = c.value?.trim() || null;
      if (v !== null && !FIGURE.test(v))
        throw new BadInputError(`cells[${i}].value "${c.value}" (${c.key}): a decimal number such as 12 or 12.5, or null for a blank`, {
          argument: `cells[${i}].value`,
        });
      given.set(c.key, v);
    });
    const narratives = narrativesOf(edition, input.narratives ?? []);
    const title = input.title?.trim() || null;
    const parsed = figuresReport(edition, input.year, (key) => given.get(key) ?? null, narratives, title, file);
    // The text is part of what was filed: a changed section is a new revision, not "the same again".
    const sourceText = JSON.stringify({
      edition: edition.id,
      cells: Object.fromEntries(given),
      ...(title ? { title } : {}),
      ...(narratives.length ? { narratives } : {}),
    });
    const prepared: PreparedReport = {
      parsed,
      sourceText,
      format: 'text',
      sourceHash: createHash('sha256').update(sourceText).digest('hex'),
      year: input.year,
      findings: checkReport(parsed, { importYear: input.year }),
    };
    return this.file(ctx, input, file, prepared);
  }

  /** The agency the viewer files for: FORBIDDEN unless it may file for it (src/policy/workflow.policy.ts). */
  async filingAgency(ctx: RequestContext, agencyId: string, file: string): Promise<Agency> {
    const [agency] = await this.connection.repos(ctx).agencies.byIds([Number(agencyId)]);
    if (!agency) throw new NianbaoError(`${file}: agency ${agencyId} not found`, 'NOT_FOUND', { what: 'agency', id: agencyId, file });
    assertMayFile(ctx.viewer, agency, file);
    return agency;
  }

  /** Stores one filing whole in one transaction with its audit row, or nothing. */
  private file(ctx: RequestContext, input: FilingOptions, file: string, prepared: PreparedReport): Promise<FilingResult> {
    const reason = text(input.reason, 'reason', `${file}: `, REASON_MAX);
    const publishedOn = input.publishedOn?.trim() || prepared.parsed.publishedOn;
    if (input.publishedOn && !ISO_DAY.test(input.publishedOn.trim()))
      throw new BadInputError(`${file}: publishedOn "${input.publishedOn}": a day as yyyy-mm-dd`, { argument: 'publishedOn', file });
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      const agency = (await repos.agencies.lockById(Number(input.agencyId)))!;
      const scope = expectedScope(agency);
      const revisions = await repos.reports.revisionsOf(agency.id, prepared.year, scope);
      const same = revisions.find((r) => r.sourceHash === prepared.sourceHash);
      // The same bytes again (a retry): the revision they made, unchanged.
      if (same) return { report: same, findings: await repos.reports.findingsOf([same.id]) };
      const latest = revisions.find((r) => r.current) ?? null;
      if (latest && latest.state !== 'DRAFT' && !reason)
        throw new BadInputError(
          `${file}: revision ${latest.revision} of ${prepared.year} is ${latest.state}; a correction needs a reason`,
          { argument: 'reason', file, state: latest.state },
        );
      const state: ReportState = input.draft ? 'DRAFT' : 'SUBMITTED';
      const meta = {
        year: prepared.year,
        scope,
        publishedOn,
        sourceFormat: prepared.format,
        sourceName: file,
        sourceHash: prepared.sourceHash,
        sourceText: prepared.sourceText,
        state,
        reason,
      };
      const { report } = await this.imports.store(tx, agency, prepared.parsed, meta, prepared.findings);
      await this.audit.record(tx, ctx.viewer, {
        action: input.draft ? 'SAVE_DRAFT' : 'SUBMIT',
        reportId: report.id,
        agencyId: agency.id,
        regionPath: agency.regionPath,
        before: snapshot(latest),
        after: snapshot(report),
        detail: reason ?? file,
      });
      return { report, findings: await repos.reports.findingsOf([report.id]) };
    });
  }

  submitDraft(ctx: RequestContext, id: number): Promise<Report> {
    return this.transition(ctx, id, 'SUBMIT_DRAFT');
  }

  /** Back to the agency with what must be fixed: a comment, and findings of this revision. */
  returnReport(ctx: RequestContext, id: number, comment: string, findingIds: readonly string[] = []): Promise<Report> {
    const said = text(comment, 'comment', '', RETURN_COMMENT_MAX);
    if (!said) throw new BadInputError('comment: say what the agency must fix', { argument: 'comment' });
    return this.transition(ctx, id, 'RETURN', async (tx, report) => {
      const own = new Set((await this.connection.repos(tx).reports.findingsOf([report.id])).map((f) => f.id));
      findingIds.forEach((f, i) => {
        if (!own.has(Number(f)))
          throw new BadInputError(`findingIds[${i}] ${f}: not a finding of report ${report.id}`, { argument: `findingIds[${i}]` });
      });
      return { returnComment: said, returnedFindings: JSON.stringify([...new Set(findingIds.map(Number))]) };
    });
  }

  acceptReport(ctx: RequestContext, id: number): Promise<Report> {
    return this.transition(ctx, id, 'ACCEPT');
  }

  /** Published: the series' published revision from now on, in the roll-ups in the same transaction. */
  publishReport(ctx: RequestContext, id: number): Promise<Report> {
    return this.transition(ctx, id, 'PUBLISH');
  }

  /** The findings a return asked to be fixed, as stored with the revision. */
  async returnedFindings(ctx: RequestContext, report: Report): Promise<Finding[]> {
    if (!report.returnedFindings) return [];
    const ids = new Set(JSON.parse(report.returnedFindings) as number[]);
    return (await ctx.loaders.visibleFindingsByReportId.load(report.id)).filter((f) => ids.has(f.id));
  }

  private transition(
    ctx: RequestContext,
    id: number,
    action: keyof typeof TRANSITIONS & AuditAction,
    extra?: (tx: RequestContext, report: Report) => Promise<StatePatch>,
  ): Promise<Report> {
    const step = TRANSITIONS[action];
    return this.connection.withTransaction(ctx, async (tx) => {
      const repos = this.connection.repos(tx);
      // A revision the viewer may not read is not there for it (no oracle over sequential ids); a
      // published one (public anyway) outside its reach is refused by name below.
      const report = (await repos.reports.lockById(id, readerOf(ctx.viewer))) ?? (await repos.reports.lockById(id, PUBLIC_READER));
      const [agency] = report ? await repos.agencies.byIds([report.agencyId]) : [];
      if (!report || !agency) throw new NianbaoError(`report ${id} not found`, 'NOT_FOUND', { what: 'report', id });
      assertMayStep(ctx.viewer, agency, step.by, id);
      if (!report.current)
        throw new ConflictError(`report ${id} is revision ${report.revision}, superseded by a later one: act on the current revision`, {
          state: report.state,
        });
      if (report.state !== step.from)
        throw new ConflictError(
          `report ${id} is ${report.state}: only a ${step.from} report can be ${action === 'SUBMIT_DRAFT' ? 'submitted' : step.to.toLowerCase()}`,
          { state: report.state },
        );
      const patch: StatePatch = { state: step.to, ...(extra ? await extra(tx, report) : {}) };
      let superseded: Report | null = null;
      if (step.to === 'PUBLISHED') {
        superseded = await repos.reports.publishedCurrentOf(report.agencyId, report.year, report.scope);
        if (superseded) await repos.reports.setState(superseded.id, { publishedCurrent: false });
        patch.publishedCurrent = true;
      }
      await repos.reports.setState(id, patch);
      const after = { ...report, ...patch };
      if (step.to === 'PUBLISHED') await this.imports.afterPublish(tx, after, superseded, agency);
      await this.audit.record(tx, ctx.viewer, {
        action,
        reportId: id,
        agencyId: agency.id,
        regionPath: agency.regionPath,
        before: snapshot(report),
        after: { ...snapshot(after), ...(patch.returnedFindings ? { findings: JSON.parse(patch.returnedFindings) } : {}) },
        detail: patch.returnComment ?? null,
      });
      await repos.dataVersions.bump();
      return after;
    });
  }
}
