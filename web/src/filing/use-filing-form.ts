import { computed, nextTick, reactive, ref, shallowRef, watch } from 'vue';
import { cellsOf, editionForYear, type EditionDef } from '../../../src/shared/editions';
import { ApiError, gql, session } from '../api/graphql-client';
import { FILING_FORM, FILING_REVISION, PREVIEW_REPORT, RENDERED, SUBMIT_DRAFT, SUBMIT_FIGURES } from '../api/filing-queries';
import type { AgencyKind, ReportState } from '../generated/graphql';
import { route } from '../router';
import { downloadRendered } from '../export/table-export';
import {
  checkForm,
  derivedValues,
  failingByCell,
  figureOf,
  findingRow,
  invalidCells,
  narrativesOf,
  type FindingRow,
  type FormState,
  type ServerFinding,
} from './form-checks';
import { sourcePlace } from './source-place';

export interface Revision {
  id: string;
  revision: number;
  state: ReportState;
  returnComment?: string | null;
  returnedFindings?: Array<FindingRow & { id: string }>;
}

const rows = (fs: ServerFinding[]): FindingRow[] => fs.map((f) => findingRow(f));

/** What fills the form: an opened revision's figures and texts, or what an upload read. */
interface Filling {
  cells?: Array<{ key: string; decimal?: string | null; value?: string | null }>;
  narratives?: Array<{ section: number; text: string }>;
  title?: string | null;
}

/** Counts a finished run of the checks (checksRun) or a server answer shown (serverAnswers), for tests that wait on them. */
function count(what: 'checksRun' | 'serverAnswers'): void {
  document.body.dataset[what] = String(Number(document.body.dataset[what] ?? 0) + 1);
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The filing form's state: the figures and texts as typed, the checks re-run after every input
 * (coalesced per task: one run however many events one script fires), the revision saved or opened,
 * and what an upload read. The server's answers (findings, state, refusals) are kept beside.
 */
export function useFilingForm() {
  const agencyId = computed(() => route.query.agency || session.me?.agencyId || '');
  const year = computed(() => Number(route.query.year) || new Date().getFullYear() - 1);
  const edition = computed<EditionDef>(() => editionForYear(year.value));
  const form = reactive<FormState>({ cells: {}, narratives: {}, title: '' });
  const extra = reactive({ reason: '', publishedOn: '' });
  const loaded = ref(false);
  const busy = ref(false);
  const error = ref<{ message: string; code: string } | null>(null);
  const agency = ref<{ id: string; name: string; kind: AgencyKind } | null>(null);
  const current = ref<{ id: string; revision: number; state: ReportState } | null>(null);
  const previous = shallowRef<Record<string, string | null> | null>(null);
  const saved = ref<Revision | null>(null);
  const dirty = ref(false);
  const findings = shallowRef<FindingRow[]>([]);
  const serverFindings = shallowRef<FindingRow[] | null>(null);
  const preview = shallowRef<{ fileName: string; format: string; edition: string; warnings: string[] } | null>(null);
  const sources = shallowRef(new Map<string, { place: string; raw: string; value: string | null }>());

  const derived = computed(() => derivedValues(edition.value, form));
  const failing = computed(() => failingByCell(findings.value));
  const invalid = computed(() => new Set(invalidCells(edition.value, form)));

  let pending = false;
  /** Re-runs every check once the current task's input events are all in, then marks the run. */
  function scheduleChecks(): void {
    if (pending) return;
    pending = true;
    queueMicrotask(async () => {
      pending = false;
      findings.value = checkForm(edition.value, year.value, form, previous.value);
      await nextTick();
      count('checksRun');
    });
  }

  function reset(): void {
    form.cells = Object.fromEntries(cellsOf(edition.value).map((c) => [c.key, '']));
    form.narratives = Object.fromEntries(edition.value.sections.map((s) => [s.number, '']));
    form.title = '';
    Object.assign(extra, { reason: '', publishedOn: '' });
    saved.value = null;
    serverFindings.value = null;
    preview.value = null;
    sources.value = new Map();
    dirty.value = false;
  }

  function fail(e: unknown): void {
    const err = e as ApiError;
    error.value = { message: err.message, code: err.code ?? '' };
  }

  function fillFrom(r: Filling): void {
    const keys = new Set(cellsOf(edition.value).map((c) => c.key));
    for (const c of r.cells ?? []) if (keys.has(c.key)) form.cells[c.key] = c.decimal ?? c.value ?? '';
    for (const n of r.narratives ?? [])
      if (n.section in form.narratives)
        form.narratives[n.section] = form.narratives[n.section] ? `${form.narratives[n.section]}\n${n.text}` : n.text;
    form.title = r.title ?? '';
  }

  let loads = 0;
  async function load(): Promise<void> {
    const mine = ++loads;
    loaded.value = false;
    error.value = null;
    agency.value = null;
    current.value = null;
    previous.value = null;
    reset();
    if (!agencyId.value) return;
    try {
      const data = await gql(FILING_FORM, { agencyId: agencyId.value, year: year.value, prev: year.value - 1 });
      if (mine !== loads) return;
      if (!data.agency) throw new ApiError(`机关 ${agencyId.value} 不存在`, 'NOT_FOUND');
      const a = data.agency;
      const consolidated = a.kind === 'GOVERNMENT';
      agency.value = { id: a.id, name: a.name, kind: a.kind };
      current.value = consolidated ? a.consolidated : a.own;
      const before = consolidated ? a.consolidatedBefore : a.ownBefore;
      previous.value = before ? Object.fromEntries(before.cells.map((c) => [c.key, c.decimal])) : null;
      if (route.query.report) {
        const r = (await gql(FILING_REVISION, { id: route.query.report })).report;
        if (mine !== loads) return;
        if (!r) throw new ApiError(`报告 ${route.query.report} 不存在或不在您的查看范围内`, 'NOT_FOUND');
        if (r.agency.id !== a.id || r.year !== year.value || r.edition !== edition.value.id)
          throw new ApiError(`报告 ${r.id} 是${r.agency.name} ${r.year} 年（模板 ${r.edition}）的报告，不属于本表单`, 'BAD_USER_INPUT');
        fillFrom(r);
        saved.value = {
          id: r.id,
          revision: r.revision,
          state: r.state,
          returnComment: r.returnComment,
          returnedFindings: r.returnedFindings.map((f) => ({ id: f.id, ...findingRow(f) })),
        };
        serverFindings.value = rows(r.findings);
      }
      loaded.value = true;
      scheduleChecks();
    } catch (e) {
      if (mine === loads) fail(e);
    }
  }
  watch(
    [agencyId, year, () => route.query.report, () => session.token],
    ([, , report], before) => {
      // The revision the form just saved is already what it shows.
      if (before && report && report === saved.value?.id && before[2] !== report) return;
      load();
    },
    { immediate: true },
  );

  function setCell(key: string, value: string): void {
    form.cells[key] = value;
    dirty.value = true;
    scheduleChecks();
  }
  function setNarrative(section: number, text: string): void {
    form.narratives[section] = text;
    dirty.value = true;
    scheduleChecks();
  }
  function setTitle(text: string): void {
    form.title = text;
    dirty.value = true;
    scheduleChecks();
  }

  async function act(fn: () => Promise<void>): Promise<void> {
    error.value = null;
    busy.value = true;
    try {
      await fn();
    } catch (e) {
      fail(e);
    } finally {
      busy.value = false;
      await nextTick();
      count('serverAnswers');
    }
  }

  /** Saves the form as a revision (DRAFT, or SUBMITTED); a saved, unchanged draft is submitted as it stands. */
  const save = (draft: boolean) =>
    act(async () => {
      if (!draft && saved.value?.state === 'DRAFT' && !dirty.value) {
        const r = (await gql(SUBMIT_DRAFT, { id: saved.value.id })).submitDraft;
        saved.value = { ...r, returnedFindings: [] };
        serverFindings.value = rows(r.findings);
        return;
      }
      const input = {
        agencyId: agencyId.value,
        year: year.value,
        edition: edition.value.id,
        cells: cellsOf(edition.value).map((c) => ({ key: c.key, value: figureOf(form.cells[c.key]) })),
        narratives: narrativesOf(edition.value, form),
        title: form.title.trim() || null,
        reason: extra.reason.trim() || null,
        publishedOn: extra.publishedOn.trim() || null,
        draft,
      };
      const res = (await gql(SUBMIT_FIGURES, { input })).submitFigures;
      saved.value = { ...res.report, returnedFindings: [] };
      current.value = { id: res.report.id, revision: res.report.revision, state: res.report.state };
      serverFindings.value = rows(res.findings);
      dirty.value = false;
      // The address names the saved revision (a reload or a bookmark opens it); the form is not reloaded for it.
      history.replaceState(
        null,
        '',
        `#/file?${new URLSearchParams({ agency: agencyId.value, year: String(year.value), report: res.report.id })}`,
      );
      route.query = { ...route.query, agency: agencyId.value, year: String(year.value), report: res.report.id };
    });

  /** The saved revision in the official template, from the server's renderer. */
  const downloadAs = (format: 'DOCX' | 'HTML') =>
    act(async () => {
      const revision = saved.value;
      if (!revision) return;
      const report = (await gql(RENDERED, { id: revision.id, format })).report;
      if (!report) throw new ApiError(`报告 ${revision.id} 不存在或不在您的查看范围内`, 'NOT_FOUND');
      downloadRendered(`${agency.value?.name ?? agencyId.value}-${year.value}-第${revision.revision}版`, format, report.rendered);
    });

  /** A file read by the server's readers (nothing stored): the form filled, each figure beside where it was read. */
  const upload = (file: File) =>
    act(async () => {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const p = (await gql(PREVIEW_REPORT, { input: { agencyId: agencyId.value, year: year.value, fileName: file.name, contentBase64 } }))
        .previewReport;
      const keys = new Set(cellsOf(edition.value).map((c) => c.key));
      const read = new Map<string, { place: string; raw: string; value: string | null }>();
      for (const c of p.cells)
        if (keys.has(c.key)) {
          form.cells[c.key] = c.value ?? '';
          read.set(c.key, { place: sourcePlace(c.source), raw: c.raw ?? '', value: c.value });
        }
      for (const s of Object.keys(form.narratives)) form.narratives[Number(s)] = '';
      fillFrom({ narratives: p.narratives, title: p.title });
      if (p.publishedOn) extra.publishedOn = p.publishedOn;
      sources.value = read;
      preview.value = { fileName: file.name, format: p.sourceFormat, edition: p.edition, warnings: p.warnings };
      dirty.value = true;
      scheduleChecks();
    });

  return {
    agencyId,
    year,
    edition,
    form,
    extra,
    loaded,
    busy,
    error,
    agency,
    current,
    saved,
    dirty,
    findings,
    serverFindings,
    preview,
    sources,
    derived,
    failing,
    invalid,
    setCell,
    setNarrative,
    setTitle,
    save,
    downloadAs,
    upload,
  };
}
