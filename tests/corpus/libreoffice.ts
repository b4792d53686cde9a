import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import { basename, extname, join } from 'path';
import { pathToFileURL } from 'url';

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/** LibreOffice filters, as a Word user's "Save as" / "Export as PDF" would choose them. */
export const LO_TARGETS = {
  docx: { convertTo: 'docx:MS Word 2007 XML', ext: 'docx' },
  pdf: { convertTo: 'pdf:writer_pdf_Export', ext: 'pdf' },
  doc: { convertTo: 'doc:MS Word 97', ext: 'doc' },
  // "Text (encoded)" with UTF-8: plain "txt:Text" writes the system charset, which is not UTF-8 under a C locale.
  txt: { convertTo: 'txt:Text (encoded):UTF8', ext: 'txt' },
} as const;
export type LoTarget = keyof typeof LO_TARGETS;

export function sofficeVersion(): string {
  return execFileSync(SOFFICE, ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * Converts many files in one soffice run (one start-up for the batch) into `outDir`, each keeping
 * its base name. A private profile keeps it off any running LibreOffice and any user settings.
 * HTML is opened in Writer (not Writer/Web), which is what "Open with Word/Writer" does and what
 * the Word export filters need. Returns the output path of each input, in order.
 */
export function convertBatch(inputs: string[], target: LoTarget, outDir: string, profileDir: string): string[] {
  if (inputs.length === 0) return [];
  mkdirSync(outDir, { recursive: true });
  const { convertTo, ext } = LO_TARGETS[target];
  const html = inputs.every((f) => /\.html?$/i.test(f));
  if (!html && inputs.some((f) => /\.html?$/i.test(f))) throw new Error('convertBatch: do not mix HTML and other inputs in one batch');
  const args = [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless',
    '--norestore',
    ...(html ? ['--infilter=HTML (StarWriter)'] : []),
    '--convert-to',
    convertTo,
    '--outdir',
    outDir,
    ...inputs,
  ];
  execFileSync(SOFFICE, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
  return inputs.map((f) => {
    const out = join(outDir, `${basename(f, extname(f))}.${ext}`);
    if (!existsSync(out)) throw new Error(`soffice did not write ${out} (from ${f})`);
    return out;
  });
}
