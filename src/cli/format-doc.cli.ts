import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  allEditions,
  cellKey,
  derivedColumns,
  editionYears,
  type EditionDef,
  type RuleDecl,
  type TableDef,
  type Unit,
} from '../shared/editions/index';
import { camelKey } from '../shared/editions/edition-sdl';
import { sectionNumeral } from '../shared/editions/template-headers';

/**
 * docs/format.md, written from the edition definitions (`npm run docs`), so the format reference
 * cannot drift from what the parser, checks, API and renderer read. A test regenerates it.
 */

const UNITS: Record<Unit, string> = {
  count: 'whole number ≥ 0',
  signed_count: 'whole number, may be negative (本年增/减)',
  wan_yuan: 'money in 万元, decimal ≥ 0',
};

/** Markdown table cell text: pipes escaped, nothing multi-line. */
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s}\``;
const list = (xs: string[]) => xs.map(code).join(', ');

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
}

function years(e: EditionDef): string {
  const { from, to } = editionYears(e);
  return to === null ? `${from} onwards` : from === to ? `${from}` : `${from}–${to}`;
}

function rule(r: RuleDecl): string {
  if (r.kind === 'balance') return `Σ rows ${list(r.left)} = Σ rows ${list(r.right)}, in every column`;
  if (r.kind === 'row_sum')
    return `row ${code(r.total)} = Σ rows ${list(r.parts)}, in every column${(r.alternatives ?? [])
      .map((a) => `; where rows ${list(a.parts)} are all blank and row ${code(a.by)} is printed, ${code(a.by)} in their place`)
      .join('')}`;
  return `column ${code(r.total)} = Σ columns ${list(r.parts)}, in every row`;
}

const LAYOUTS: Record<TableDef['layout'], string> = {
  labelled_rows: 'every data row starts with its row label; values follow in column order',
  single_row: 'one unlabelled row of values under the header rows, in column order, or one row per column group under its caption',
};

function tableSection(e: EditionDef, t: TableDef): string[] {
  const out = [
    `#### ${sectionNumeral(t.section)}、${t.heading} (${code(t.id)})`,
    '',
    `- cell key: ${code(t.keyPattern)}; layout: ${t.layout} (${LAYOUTS[t.layout]})`,
    `- found by the text ${code(t.marker)}${t.headingVariants?.length ? `; heading also spelt ${list(t.headingVariants)}` : ''}`,
    `- GraphQL: ${t.api.perEdition ? `${code(`${t.api.type}${e.id}`)} (member of the union ${code(t.api.type)})` : code(t.api.type)}`,
    '',
  ];
  for (const b of t.blocks) {
    if (b.caption) out.push(`${b.caption}${b.typeName ? ` — GraphQL ${code(`${b.typeName}${e.id}`)}` : ''}`, '');
    const rowKey = (r: string) => (t.keyPattern.includes('{row}') ? code(r) : '—');
    out.push(
      ...table(
        ['row', 'key', 'variants', 'group'],
        b.rows.map((r) => [r.label || '(the data row)', rowKey(r.key), (r.variants ?? []).join('；'), r.group ?? '']),
      ),
    );
    out.push(
      ...table(
        ['column', 'key', 'GraphQL field', 'unit', 'variants'],
        b.columns.map((c) => [c.label, code(c.key), code(camelKey(c.key.split('.').pop()!)), UNITS[c.unit], (c.variants ?? []).join('；')]),
      ),
    );
    if (b.columnGroups?.length)
      out.push(
        `Column groups (a report may print each as its own row of figures under its caption; the captions are aligned with these labels and the rows joined in this order): ${b.columnGroups
          .map((g) => `${g.label} (${g.columns.map(code).join(', ')})${g.variants?.length ? `, also spelt ${g.variants.join('；')}` : ''}`)
          .join('; ')}`,
        '',
      );
    const keys = b.rows.flatMap((r) => b.columns.map((c) => cellKey(t, r.key, c.key)));
    out.push(`Cell keys (${keys.length}): ${list(keys)}`, '');
  }
  return out;
}

function editionSection(e: EditionDef): string[] {
  const out = [`## Edition ${e.id}: ${e.title}`, '', `Used for report years ${years(e)}. Title: \`<agency><year>年${e.titleSuffix}\`.`, ''];
  out.push(
    '### Sections',
    '',
    ...table(
      ['', 'heading', 'also spelt'],
      e.sections.map((s) => [`${sectionNumeral(s.number)}、`, s.heading, (s.variants ?? []).join('；')]),
    ),
  );
  out.push('### Tables', '');
  for (const t of e.tables) out.push(...tableSection(e, t));
  out.push('### Derived keys', '', 'Not stored: each is the sum of its parts, per column; blank when every part is blank.', '');
  out.push(
    ...table(
      ['row', 'keys', 'sum of rows'],
      e.derivedRows.map((d) => {
        const { table: t, columns } = derivedColumns(e, d);
        return [d.label, code(cellKey(t, d.key, '{col}').replace('{col}', `{${columns.map((c) => c.key).join(',')}}`)), list(d.parts)];
      }),
    ),
  );
  for (const l of e.legacyRows ?? [])
    out.push(
      `Accepted in place of rows ${list(l.replaces)}: the earlier edition's single row ${l.label} (\`${l.table}.${l.key}.*\`), stored under its own key with those rows blank; notice ${code(l.rule)}: ${l.message}`,
      '',
    );
  out.push(
    '### Rules',
    '',
    'Arithmetic every report of the edition must satisfy; a rule with a blank cell is open (blank is not zero), never failed.',
    '',
  );
  out.push(
    ...table(
      ['code', 'table', 'rule', 'message'],
      e.rules.map((r) => [code(r.code), r.table, rule(r), r.message]),
    ),
  );
  out.push('### Across reports and against the text', '');
  for (const c of e.carryOver)
    out.push(`- carry-over (warning): row ${code(c.from)} of last year's ${c.table} table = row ${code(c.to)} of this year's, per column`);
  for (const n of e.narrativeComparisons)
    out.push(`- narrative, ${n.what} (${n.statement}): ${n.readings.map((r) => r.map(code).join(' + ')).join(', or ')}`);
  if (e.breaksComparison.length)
    out.push(
      `- section ${e.breaksComparison.map(sectionNumeral).join('、')} changed meaning: figures compare with earlier editions' only from ${e.years.from}`,
    );
  out.push('', '### Rates', '');
  const side = (ts: EditionDef['rates'][number]['numerator']) =>
    ts.map(([c, k], i) => `${i ? (c < 0 ? ' − ' : ' + ') : c < 0 ? '−' : ''}${k}`).join('');
  out.push(
    ...table(
      ['key', 'numerator', 'denominator'],
      e.rates.map((r) => [code(r.key), side(r.numerator), side(r.denominator)]),
    ),
  );
  out.push(`Edition markers (labels only this edition prints, counted to tell editions apart): ${e.markers.join('、')}`, '');
  return out;
}

export function formatDoc(editions: readonly EditionDef[]): string {
  return [
    '# Report format',
    '',
    '<!-- Generated from src/shared/editions by `npm run docs` (src/cli/format-doc.cli.ts): do not edit. -->',
    '',
    `The template editions of the 政府信息公开工作年度报告, as the code reads them: ${editions.map((e) => `${e.id} (${years(e)})`).join(', ')}.`,
    'A cell key is `table.row.column` (section 四: `group.column`); a blank cell is stored as blank, never as 0.',
    '',
    ...editions.flatMap(editionSection),
  ].join('\n');
}

export const FORMAT_DOC_PATH = join(__dirname, '..', '..', 'docs', 'format.md');

if (require.main === module) {
  writeFileSync(FORMAT_DOC_PATH, formatDoc(allEditions()));
  console.log(`wrote ${FORMAT_DOC_PATH}`);
}
