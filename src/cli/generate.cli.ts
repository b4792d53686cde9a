import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { parseArgs } from 'util';
import { openApp } from '../app';
import { readEnv } from '../config/env';
import { generate } from '../generator/generator';

const USAGE =
  'usage: npm run generate -- --region CODE [--years 2019-2024] [--seed N] [--departments 30] [--institutions 40] [--manifest FILE]';

async function main() {
  const { values: o } = parseArgs({
    options: {
      region: { type: 'string' },
      years: { type: 'string', default: '2019-2024' },
      seed: { type: 'string', default: '1' },
      departments: { type: 'string' },
      institutions: { type: 'string' },
      manifest: { type: 'string' },
    },
  });
  const years = /^(\d{4})-(\d{4})$/.exec(o.years ?? '');
  if (!o.region || !/^\d{2,9}$/.test(o.region) || !years || !/^\d+$/.test(o.seed ?? '')) {
    console.error(USAGE);
    process.exit(2);
  }
  const app = await openApp(readEnv());
  const manifest = await generate(app.connection, {
    region: o.region,
    fromYear: Number(years[1]),
    toYear: Number(years[2]),
    seed: Number(o.seed),
    departments: o.departments ? Number(o.departments) : undefined,
    institutions: o.institutions ? Number(o.institutions) : undefined,
    log: (m) => console.error(m),
  });
  const file = o.manifest ?? `data/generated/${manifest.region}-${o.seed}.manifest.json`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest, null, 1));
  console.log(
    `generated ${manifest.agencies} agencies, ${manifest.reports} reports, ${manifest.cells} cells in ${manifest.seconds}s; ` +
      `${manifest.defects.length} defects (${manifest.findings} findings stored), ${manifest.missing.length} missing, ${manifest.late.length} late, ` +
      `${manifest.consolidated.filter((c) => c.mismatchedKeys.length).length} mismatched consolidated reports → ${file}`,
  );
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
