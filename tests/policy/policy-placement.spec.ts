import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * Who may do what is decided in src/policy/ only: the services, the roll-ups and the schema's field
 * rules call a policy rather than comparing a viewer's role, region or agency themselves.
 */
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src/services', 'src/rollup', 'src/graphql/access', 'src/graphql/resolvers'];
/** Decisions about a viewer that are not a policy's, each with the reason. */
const ALLOWED: Record<string, string> = {
  // The visibility the report statements apply (src/data/report-visibility.ts), read by every report loader.
  'src/services/visible-reports.ts': 'statement visibility',
};

/** A viewer's role, region or agency compared, or its region matched by prefix, outside a policy. */
const INLINE_PREDICATE =
  /\b(?:viewer|v|ctx\.viewer)\.(?:role|agencyId|regionPath)\s*(?:[!=]==|\)?\s*\.startsWith)|\(\s*(?:viewer|v|ctx\.viewer)\.regionPath\s*\?\?[^)]*\)\.startsWith|\bisPrivileged\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Lines of `text` (comments removed) that decide about a viewer inline. */
export function inlinePredicates(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => l.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .filter((l) => INLINE_PREDICATE.test(l))
    .map((l) => l.trim());
}

describe('policy placement', () => {
  it('leaves no predicate about a viewer inline in a service, a roll-up or a field rule', () => {
    const found = SCANNED.flatMap((d) => files(join(ROOT, d)))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => inlinePredicates(readFileSync(join(ROOT, f), 'utf8')).map((l) => `${f}: ${l}`));
    expect(found).toEqual([]);
  });

  it.each([
    ['a role compared', `if (ctx.viewer.role === 'SUPERVISOR') return;`],
    ['a role compared the other way', `const ok = v.role !== 'AGENCY';`],
    ['an agency compared', `return viewer.agencyId === agency.id;`],
    ['a region matched by prefix', `return viewer.regionPath.startsWith(path);`],
    ['an ancestor matched by prefix', `rows.filter((r) => (ctx.viewer.regionPath ?? '').startsWith(r.path))`],
    ['a privilege checked inline', `if (!isPrivileged(ctx.viewer)) throw new ForbiddenError('no');`],
  ])('finds %s', (_, line) => {
    expect(inlinePredicates(`const a = 1;\n${line}\n// v.role === 'ADMIN' in a comment is prose\n`)).toEqual([line]);
  });

  it('passes a policy call', () => {
    expect(inlinePredicates(`assertMayReview(ctx.viewer, agency.regionPath);\nif (mayFile(v, agency)) return;`)).toEqual([]);
  });
});
