/**
 * The PDFium extraction thread (PDF_ENGINE=pdfium): the same requests and replies as
 * pdf-extract.worker.ts, answered by PDFium's WebAssembly build. Started by pdf-extraction.ts, never
 * imported. A module that aborted (out of memory, or a crash inside PDFium) is replaced before the
 * next file; one grown past MEMORY_KEEP_MB is replaced too, since WebAssembly memory never shrinks.
 */
import { parentPort } from 'node:worker_threads';
import { SANDBOX_LIMITS } from '../../file-limits';
import { growthsRefused, loadPdfium, WASM_OUT_OF_MEMORY, type LoadedPdfium } from './pdfium-module';
import { extractWithPdfium, pdfiumFailure } from './pdfium-page-text';
import type { ExtractReply, ExtractRequest, ExtractResult } from './pdf-text.types';

/** PDFium's memory is capped as pdf.js's heap is (the thread's JS heap stays small beside it). */
const MEMORY_CAP_MB = SANDBOX_LIMITS.pdfHeapMb;
/** A module left larger than this after a file is replaced rather than kept at that size. */
const MEMORY_KEEP_MB = 128;

let pdfium: Promise<LoadedPdfium> | null = null;

function extract(loaded: LoadedPdfium, data: Uint8Array): ExtractResult {
  const refusedBefore = growthsRefused();
  try {
    return { ok: true, pages: extractWithPdfium(loaded.api, data) };
  } catch (e) {
    // A WebAssembly trap (RuntimeError: abort, unreachable, out of bounds) leaves the module unusable;
    // a refused growth usually ends in one (PDFium aborts when an allocation fails).
    const outOfMemory = growthsRefused() > refusedBefore;
    if (outOfMemory || e instanceof WebAssembly.RuntimeError || e instanceof RangeError) pdfium = null;
    if (outOfMemory) return { ok: false, name: WASM_OUT_OF_MEMORY, message: `PDFium needed more than ${MEMORY_CAP_MB} MiB` };
    return pdfiumFailure(e);
  } finally {
    if (pdfium && loaded.memoryBytes() > MEMORY_KEEP_MB * 1024 * 1024) pdfium = null;
  }
}

const port = parentPort;
if (!port) throw new Error('pdf-extract-pdfium.worker runs only as a worker thread');
// One file at a time, each with the module current when its turn comes (the one before may have been replaced).
let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, data }: ExtractRequest) => {
  const reply = (result: ExtractResult) => port.postMessage({ id, result } satisfies ExtractReply);
  queue = queue.then(async () => {
    try {
      reply(extract(await (pdfium ??= loadPdfium(MEMORY_CAP_MB)), data));
    } catch (e) {
      pdfium = null;
      reply(pdfiumFailure(e));
    }
  });
});
