import { readdirSync } from 'fs';

/** The truth files of a fixture folder, in name order. */
export function truthFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.truth.json'))
    .sort();
}

/** The source file beside a truth file: same stem, any other extension. */
export function sourceOf(dir: string, truthFile: string): string {
  const stem = truthFile.replace(/\.truth\.json$/, '');
  const source = readdirSync(dir).find((f) => f.startsWith(`${stem}.`) && !f.endsWith('.truth.json'));
  if (!source) throw new Error(`no source file beside ${truthFile}`);
  return source;
}
