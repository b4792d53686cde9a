import { engineOf, type Db, type Engine } from './engine';
import { deferWrite } from './write-batch';

// A double quote needs no escape inside single quotes: JSON (cell provenance) passes as it is.
const MYSQL_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  "'": "\\'",
  '\\': '\\\\',
};
const MYSQL_SPECIAL = /[\0\b\t\n\r\x1a'\\]/g;
const HAS_MYSQL_SPECIAL = /[\0\b\t\n\r\x1a'\\]/;

/**
 * A string as an SQL literal in the engine's dialect (MariaDB's default sql_mode: backslash
 * escapes, as mysql2 escapes parameters). For multi-row INSERTs of thousands of values, where
 * mysql2's placeholder formatting costs more CPU than the statement (bench/ingest.bench.ts).
 */
export function sqlString(engine: Engine, s: string | null): string {
  if (s === null) return 'NULL';
  // SQLite reads a literal as a C string: a NUL byte joins the pieces as char(0).
  if (engine !== 'mysql')
    return s
      .split('\0')
      .map((part) => `'${part.replace(/'/g, "''")}'`)
      .join(' || char(0) || ');
  return HAS_MYSQL_SPECIAL.test(s) ? `'${s.replace(MYSQL_SPECIAL, (c) => MYSQL_ESCAPES[c])}'` : `'${s}'`;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal's text as a literal; anything else is a programming error, never spliced into SQL. */
export function sqlDecimal(s: string | null): string {
  if (s === null) return 'NULL';
  if (!DECIMAL.test(s)) throw new Error(`not a decimal: ${s}`);
  return s;
}

/** An integer as a literal, checked. */
export function sqlInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

export type SqlValue = string | number | null;

/**
 * Rows of values nobody reads back, in multi-row INSERTs of `perStatement` rows, deferred to the
 * transaction's next round trip (src/data/write-batch.ts). On MariaDB the values are spliced in as
 * literals (strings escaped, numbers checked integers): mysql2's formatting of a thousand
 * placeholders costs more than the insert. SQLite, in process, binds them.
 */
export async function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
  perStatement: number,
): Promise<void> {
  const engine = engineOf(db);
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const literal = (v: SqlValue) => (typeof v === 'number' ? sqlInt(v) : sqlString(engine, v));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    if (engine === 'mysql') await deferWrite(db, head + chunk.map((r) => `(${r.map(literal).join(', ')})`).join(', '));
    else await deferWrite(db, head + chunk.map(() => tuple).join(', '), chunk.flat());
  }
}
