import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';

/**
 * The structure the code keeps as it grows: no import cycle, database access only in src/data,
 * small files. Each check reads the sources as they are, so it fails as soon as one comes back.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

const FILES = walk(SRC);
const inDir = (f: string, dir: string) => rel(f).startsWith(`src/${dir}/`);
/** Source text with comments removed, so that prose mentioning a forbidden word does not count. */
const code = (f: string) =>
  readFileSync(f, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Relative imports of every kind (static, type-only, re-exports, dynamic, require), resolved to files. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(
    /(?:import|export)\s[^'"`;]*?from\s*['"](\.[^'"]*)['"]|import\(\s*['"](\.[^'"]*)['"]\s*\)|require\(\s*['"](\.[^'"]*)['"]\s*\)/g,
  )) {
    const base = resolve(dirname(file), m[1] ?? m[2] ?? m[3]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile());
    if (hit) out.push(hit);
  }
  return out;
}

/** Strongly connected components (Tarjan) of more than one file, or a file importing itself. */
function cycles(files: string[]): string[][] {
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(f).filter((t) => inside.has(t))]));
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || edges.get(v)!.includes(v)) found.push(scc.map(rel).sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

/** What reaching the database looks like: the ORM or a driver imported, a repository built by hand, SQL run directly. */
const DATABASE_USE: Array<[string, RegExp]> = [
  ['imports typeorm', /from\s*['"]typeorm['"]|require\(\s*['"]typeorm['"]\s*\)|import\(\s*['"]typeorm['"]\s*\)/],
  [
    'imports a database driver',
    /from\s*['"](mysql2(\/promise)?|better-sqlite3)['"]|import\(\s*['"](mysql2(\/promise)?|better-sqlite3)['"]\s*\)/,
  ],
  ['runs SQL with .query(', /\.query\s*\(/],
  ['uses getRepository', /\bgetRepository\b/],
  ['uses an EntityManager', /\bEntityManager\b/],
  ['uses createQueryBuilder', /\bcreateQueryBuilder\b/],
  ['uses a DataSource', /\bDataSource\b/],
  ['reaches the raw DataSource', /\brawDataSource\b/],
  ['builds a repository with new', /\bnew\s+[A-Z]\w*Repository\s*\(/],
];

describe('architecture', () => {
  it('has no import cycle in src/, type imports included', () => {
    expect(cycles(FILES)).toEqual([]);
  });

  it('reaches the database only from src/data', () => {
    const offences = FILES.filter((f) => !inDir(f, 'data') && !inDir(f, 'generated')).flatMap((f) => {
      const text = code(f);
      return DATABASE_USE.filter(([, re]) => re.test(text)).map(([what]) => `${rel(f)} ${what}`);
    });
    expect(offences).toEqual([]);
  });

  it('keeps every file of src/ under 400 lines', () => {
    const long = FILES.filter((f) => !inDir(f, 'generated'))
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n >= 400);
    expect(long).toEqual([]);
  });

  // The checks above must be able to fail: each detector is tried on a sample that breaks its rule.
  it('detects what it forbids', () => {
    const samples = [
      "import type { EntityManager } from 'typeorm';",
      "import mysql from 'mysql2/promise';",
      'await this.db.query("SELECT 1")',
      'manager.getRepository(Agency)',
      'function f(m: EntityManager) {}',
      "repo.createQueryBuilder('a')",
      'let ds: DataSource;',
      'connection.rawDataSource',
      'new AgencyRepository(db)',
    ];
    DATABASE_USE.forEach(([what, re], i) => expect([what, re.test(samples[i])]).toEqual([what, true]));

    // A cycle made only of type imports, and one through an index file, are both found.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = A;\n");
      writeFileSync(join(dir, 'c.ts'), "export { x } from './d';\nexport const y = 1;\n");
      writeFileSync(join(dir, 'index.ts'), "export const x = 1;\nimport { y } from './c';\nvoid y;\n");
      writeFileSync(join(dir, 'd.ts'), "export { x } from '.';\n");
      expect(cycles(walk(dir)).length).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
