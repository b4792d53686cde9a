import { toMicros } from '../../src/shared/decimal';
import { REPORTS_KEY } from '../../src/data/rollup.repository';
import { tableNames, type SqlHandle } from './db-snapshot';

/**
 * region_rollup recomputed from nothing but report_cell: for every region on an agency's path, year,
 * agency kind and cell key, Σ of the non-blank values, their count and the report count of the
 * summed revisions (README: consolidated reports never enter sums). The summed revision of a series
 * is its latest PUBLISHED one when revisions have a state (issue 11), else its current one.
 */
export async function bruteForceRollup(db: SqlHandle): Promise<Map<string, string>> {
  const hasState = (await columnsOf(db, 'report')).includes('state');
  const latestPublished = `SELECT r.id FROM report r WHERE r.scope = 'OWN' AND r.state = 'PUBLISHED' AND r.revision = (SELECT MAX(p.revision) FROM report p WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.scope = r.scope AND p.state = 'PUBLISHED')`;
  const current = `SELECT r.id FROM report r WHERE r.scope = 'OWN' AND r.current = ${db.engine === 'mysql' ? 'TRUE' : '1'}`;
  const summed = await db.query(
    `SELECT r.id, r.year, a.kind, a.region_path FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.id IN (${hasState ? latestPublished : current})`,
  );
  const cells = summed.length
    ? await db.query(`SELECT report_id, cell_key, value FROM report_cell WHERE report_id IN (${summed.map((r) => Number(r.id)).join(',')})`)
    : [];
  const byReport = new Map<number, Array<Record<string, unknown>>>();
  for (const c of cells) byReport.set(Number(c.report_id), [...(byReport.get(Number(c.report_id)) ?? []), c]);
  const acc = new Map<string, { micros: bigint; nonNull: number; reports: number }>();
  const add = (k: string, value: unknown) => {
    const a = acc.get(k) ?? { micros: 0n, nonNull: 0, reports: 0 };
    if (value !== null && value !== undefined) {
      a.micros += toMicros(value as string | number);
      a.nonNull++;
    }
    a.reports++;
    acc.set(k, a);
  };
  for (const r of summed) {
    const codes = String(r.region_path).split('/').filter(Boolean);
    for (const code of codes) {
      const base = `${code}|${r.year}|${r.kind}`;
      for (const c of byReport.get(Number(r.id)) ?? []) add(`${base}|${c.cell_key}`, c.value);
      const reports = acc.get(`${base}|${REPORTS_KEY}`) ?? { micros: 0n, nonNull: 0, reports: 0 };
      acc.set(`${base}|${REPORTS_KEY}`, {
        micros: reports.micros + 1_000_000n,
        nonNull: reports.nonNull + 1,
        reports: reports.reports + 1,
      });
    }
  }
  return new Map([...acc].map(([k, a]) => [k, `${a.micros}/${a.nonNull}/${a.reports}`]));
}

async function columnsOf(db: SqlHandle, table: string): Promise<string[]> {
  const rows = db.engine === 'mysql' ? await db.query(`SHOW COLUMNS FROM ${table}`) : await db.query(`PRAGMA table_info(${table})`);
  return rows.map((r) => String(r.Field ?? r.name));
}

/**
 * The roll-ups as readers get them, in the same terms: region_rollup plus the publications still
 * queued in rollup_pending (src/rollup/rollup-folder.ts folds them before any read), each entry's
 * report added (+1) or subtracted (−1) along its agency's region path. Rows that sum to nothing
 * (all of a series withdrawn) are left out.
 */
export async function storedRollup(db: SqlHandle): Promise<Map<string, string>> {
  const acc = new Map<string, { micros: bigint; nonNull: number; reports: number }>();
  const add = (k: string, micros: bigint, nonNull: number, reports: number) => {
    const a = acc.get(k) ?? { micros: 0n, nonNull: 0, reports: 0 };
    acc.set(k, { micros: a.micros + micros, nonNull: a.nonNull + nonNull, reports: a.reports + reports });
  };
  for (const r of await db.query('SELECT region_code, year, agency_kind, cell_key, total, non_null_count, report_count FROM region_rollup'))
    add(
      `${r.region_code}|${r.year}|${r.agency_kind}|${r.cell_key}`,
      toMicros(r.total as string | number),
      Number(r.non_null_count),
      Number(r.report_count),
    );
  const pending = (await tableNames(db)).includes('rollup_pending')
    ? await db.query(
        'SELECT p.sign, r.id, r.year, a.kind, a.region_path FROM rollup_pending p JOIN report r ON r.id = p.report_id JOIN agency a ON a.id = r.agency_id',
      )
    : [];
  const cells = pending.length
    ? await db.query(
        `SELECT report_id, cell_key, value FROM report_cell WHERE report_id IN (${[...new Set(pending.map((p) => Number(p.id)))].join(',')})`,
      )
    : [];
  for (const p of pending) {
    const sign = Number(p.sign);
    for (const code of String(p.region_path).split('/').filter(Boolean)) {
      const base = `${code}|${p.year}|${p.kind}`;
      for (const c of cells)
        if (Number(c.report_id) === Number(p.id))
          add(
            `${base}|${c.cell_key}`,
            c.value === null ? 0n : BigInt(sign) * toMicros(c.value as string | number),
            c.value === null ? 0 : sign,
            sign,
          );
      add(`${base}|${REPORTS_KEY}`, BigInt(sign) * 1_000_000n, sign, sign);
    }
  }
  const out = new Map<string, string>();
  for (const [k, a] of acc) if (a.micros !== 0n || a.nonNull !== 0 || a.reports !== 0) out.set(k, `${a.micros}/${a.nonNull}/${a.reports}`);
  return out;
}

/** Keys whose stored roll-up differs from the brute force, each with both figures (micros/non-blank/reports). */
export async function rollupMismatches(db: SqlHandle): Promise<string[]> {
  const [want, got] = [await bruteForceRollup(db), await storedRollup(db)];
  const out: string[] = [];
  for (const k of new Set([...want.keys(), ...got.keys()]))
    if (want.get(k) !== got.get(k)) out.push(`${k}: stored ${got.get(k) ?? 'none'}, brute force ${want.get(k) ?? 'none'}`);
  return out.sort();
}
