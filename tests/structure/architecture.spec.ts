import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';

/**
 * The structure the code keeps as it grows: no import cycle, database access only in src/data,
 * layers that import downwards only, a browser-safe src/shared, typed browser code, small files.
 * Each check reads the sources as they are, so it fails as soon as one comes back.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

function walk(dir: string, kinds = /\.(ts|tsx|mts)$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'dist' ? [] : walk(p, kinds);
    return kinds.test(f) && !f.endsWith('.d.ts') ? [p] : [];
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

/** Bare module names a file imports or requires (packages and Node built-ins, not relative paths). */
function bareImportsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"`;]*?from\s*['"]([^.'"][^'"]*)['"]|import\s*['"]([^.'"][^'"]*)['"]|import\(\s*['"]([^.'"][^'"]*)['"]\s*\)|require\(\s*['"]([^.'"][^'"]*)['"]\s*\)/g,
  ))
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** What the browser lacks: a Node built-in module, or Node's globals. */
function nodeOnlyUse(text: string): string[] {
  const mods = bareImportsOf(text).filter((m) => NODE_BUILTINS.has(m) || NODE_BUILTINS.has(m.split('/')[0]));
  const globals = [...text.matchAll(/\b(process\.\w+|Buffer\.\w+|__dirname|__filename|require\.resolve)\b/g)].map((m) => m[1]);
  return [...mods, ...globals];
}

/** `any` written as a type: annotations, assertions, arrays, type arguments. */
const ANY_TYPE = /(:\s*any\b|\bas\s+any\b|<\s*any\s*[,>]|,\s*any\s*>|\bany\s*\[\]|\|\s*any\b|\bany\s*\|)/;

/** The layers that must never import the API layer: they run without GraphQL (CLI, jobs, other front ends). */
const BELOW_API = ['services', 'data', 'rollup', 'cli', 'context', 'shared', 'policy', 'auth', 'ingest', 'render', 'checks', 'common'];

function layerOffences(files: string[], root = SRC): string[] {
  const under = (f: string, dir: string) => relative(root, f).split('\\').join('/').startsWith(`${dir}/`);
  return files.flatMap((f) => {
    const layer = BELOW_API.find((d) => under(f, d));
    if (!layer) return [];
    const bad = importsOf(f).filter((t) => under(t, 'graphql') || (layer === 'shared' && !under(t, 'shared')));
    return bad.map((t) => `${relative(root, f)} imports ${relative(root, t)}`);
  });
}

const WEB_SRC = join(ROOT, 'web', 'src');
const WEB_FILES = walk(WEB_SRC, /\.(ts|vue)$/).filter((f) => !rel(f).startsWith('web/src/generated/'));

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

  it('imports src/graphql from no layer below it, and src/shared only from itself', () => {
    expect(layerOffences(FILES)).toEqual([]);
  });

  it('keeps src/shared free of Node: the browser bundles it', () => {
    const offences = FILES.filter((f) => inDir(f, 'shared')).flatMap((f) => nodeOnlyUse(code(f)).map((u) => `${rel(f)} uses ${u}`));
    expect(offences).toEqual([]);
  });

  it('writes no `any` in web/src', () => {
    const offences = WEB_FILES.flatMap((f) =>
      code(f)
        .split('\n')
        .flatMap((line, i) => (ANY_TYPE.test(line) ? [`${rel(f)}:${i + 1} ${line.trim()}`] : [])),
    );
    expect(offences).toEqual([]);
  });

  it('keeps every file of web/src under 400 lines', () => {
    const long = WEB_FILES.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n >= 400);
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

    // Node in src/shared, in each of its forms; a browser-safe file passes.
    expect(nodeOnlyUse("import { readFileSync } from 'fs';")).toEqual(['fs']);
    expect(nodeOnlyUse("import { join } from 'node:path';")).toEqual(['node:path']);
    expect(nodeOnlyUse("const w = require('worker_threads');")).toEqual(['worker_threads']);
    expect(nodeOnlyUse("import { promises } from 'fs/promises';")).toEqual(['fs/promises']);
    expect(nodeOnlyUse('const home = process.env.HOME; const b = Buffer.from(x);')).toEqual(['process.env', 'Buffer.from']);
    expect(nodeOnlyUse("import { cellKey } from './editions';\nimport Decimal from 'decimal.js';")).toEqual([]);

    // `any` as a type in its usual spellings; the word in a string or a name does not count.
    for (const bad of ['let x: any;', 'f(y as any)', 'ref<any>()', 'Map<string, any>', 'const a: any[] = []', 'type T = string | any;'])
      expect([bad, ANY_TYPE.test(bad)]).toEqual([bad, true]);
    for (const fine of ["const msg = 'any figure';", 'const anything = 1;', 'company: string'])
      expect([fine, ANY_TYPE.test(fine)]).toEqual([fine, false]);
  });

  it('finds a layer that imports the API, and src/shared importing outside itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-layers-'));
    try {
      for (const d of ['services', 'graphql', 'shared']) mkdirSync(join(dir, d));
      writeFileSync(join(dir, 'graphql/api.ts'), 'export const api = 1;\n');
      writeFileSync(join(dir, 'services/x.service.ts'), "import { api } from '../graphql/api';\nexport const x = api;\n");
      writeFileSync(join(dir, 'shared/y.ts'), "import { x } from '../services/x.service';\nexport const y = x;\n");
      expect(layerOffences(walk(dir), dir).sort()).toEqual([
        'services/x.service.ts imports graphql/api.ts',
        'shared/y.ts imports services/x.service.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
