/**
 * The extraction thread: loads pdf.js once and answers each request with the text positions of a PDF.
 * pdfjs-dist v5 ships only ES modules, which CommonJS hosts such as Jest's module VM cannot import();
 * a worker thread runs on Node's own loader. Started by pdf-extraction.ts, never imported.
 */
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { collectRules } from './pdf-rules';
import type { ExtractReply, ExtractRequest, ExtractResult, PageText, TextItem } from './pdf-text.types';

const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));
// Untyped (pdfjs-dist declares no types for it), hence a specifier TypeScript does not resolve.
const PDFJS_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// The fake (in-thread) pdf.js worker is loaded up front, never fetched. Under tsc's CommonJS output
// these import()s become require() of ES modules, which every Node this project supports (>= 20.19) allows.
const pdfjsReady = import(PDFJS_WORKER).then((worker: unknown) => {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
});

type Pdfjs = Awaited<typeof pdfjsReady>;

async function extract(pdfjs: Pdfjs, data: Uint8Array): Promise<PageText[]> {
  const doc: PDFDocumentProxy = await pdfjs.getDocument({
    data,
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: PageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n).catch((e: Error) => {
        throw Object.assign(new Error(`page ${n} cannot be read: ${e.message}`), { name: e.name || 'Error' });
      });
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        // Marked-content entries carry no text. Blank runs are kept: a blank cell's raw text is its spaces.
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        items.push({ text: it.str, x: e, y: f, w: it.width, size: Math.hypot(c, d) || Math.hypot(a, b) || it.height });
      }
      const ops = await page.getOperatorList();
      pages.push({ width: view.width, height: view.height, items, rules: collectRules(ops.fnArray, ops.argsArray, pdfjs.OPS) });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

function failure(e: unknown): ExtractResult {
  const err = e as { name?: string; message?: string } | null;
  return { ok: false, name: err?.name || 'Error', message: String(err?.message || e) };
}

const port = parentPort;
if (!port) throw new Error('pdf-extract.worker runs only as a worker thread');
port.on('message', ({ id, data }: ExtractRequest) => {
  const reply = (result: ExtractResult) => port.postMessage({ id, result } satisfies ExtractReply);
  pdfjsReady
    .then((pdfjs) => extract(pdfjs, data))
    .then((pages) => reply({ ok: true, pages }))
    .catch((e) => reply(failure(e)));
});
