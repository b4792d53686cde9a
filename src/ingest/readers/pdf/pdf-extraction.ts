import { Worker } from 'worker_threads';
import { ReportParseError, ReportTooComplexError } from '../../../common/errors';
import { workerFile } from '../../../common/worker-file';
import { readEnv, type Env } from '../../../config/env';
import { SANDBOX_LIMITS } from '../../file-limits';
import type { ExtractReply, ExtractRequest, ExtractResult } from './pdf-text.types';

/** The sandbox's limits apply to the extraction thread too (its parse thread's clock usually ends it first). */
const EXTRACT_TIMEOUT_MS = SANDBOX_LIMITS.timeMs;

interface Pending {
  resolve: (r: ExtractResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export type PdfEngine = Env['PDF_ENGINE'];

/** The worker module of each engine: both answer ExtractRequest with the same PageText. */
const WORKERS: Record<PdfEngine, string> = { pdfjs: 'pdf-extract.worker', pdfium: 'pdf-extract-pdfium.worker' };
/** PDFium's thread names a refused memory growth so (pdfium-module.ts). */
const WASM_OUT_OF_MEMORY = 'WasmOutOfMemory';

type Extractor = { worker: Worker; pending: Map<number, Pending>; engine: PdfEngine };

/** One long-lived extraction thread per process: the engine loads once, not once per file. */
let extractor: Extractor | null = null;
let nextId = 1;

/** PDF_ENGINE, read when a thread starts (a change takes effect with the next one, e.g. after closePdfReader). */
export function configuredPdfEngine(): PdfEngine {
  return readEnv().PDF_ENGINE;
}

function failAll(pending: Map<number, Pending>, error: Error): void {
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  pending.clear();
}

function getExtractor(engine: PdfEngine): Extractor {
  if (extractor?.engine === engine) return extractor;
  if (extractor) void closePdfReader();
  const { file, execArgv } = workerFile(__filename, __dirname, WORKERS[engine]);
  const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: SANDBOX_LIMITS.pdfHeapMb } });
  // An idle extractor must not keep the process alive; pending timers do while work is under way.
  worker.unref();
  const pending = new Map<number, Pending>();
  const current = { worker, pending, engine };
  worker.on('message', (m: ExtractReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    // PDFium's memory is capped inside its thread (WebAssembly memory is outside the heap limit).
    if (!m.result.ok && m.result.name === WASM_OUT_OF_MEMORY)
      p.reject(new ReportTooComplexError('sandbox.heapMb', SANDBOX_LIMITS.pdfHeapMb, SANDBOX_LIMITS.pdfHeapMb));
    else p.resolve(m.result);
  });
  worker.on('error', (e: Error & { code?: string }) =>
    failAll(
      pending,
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ReportTooComplexError('sandbox.heapMb', SANDBOX_LIMITS.pdfHeapMb, SANDBOX_LIMITS.pdfHeapMb)
        : new ReportParseError(`PDF reader failed: ${e.message}`),
    ),
  );
  worker.on('exit', () => {
    if (extractor === current) extractor = null;
    failAll(pending, new ReportParseError('PDF reader stopped before finishing'));
  });
  extractor = current;
  return current;
}

/** Text positions of every page, or the engine's reason for refusing the file; a stuck parse times out. */
export function extractText(bytes: Buffer, engine: PdfEngine = configuredPdfEngine()): Promise<ExtractResult> {
  return new Promise((resolve, reject) => {
    const { worker, pending } = getExtractor(engine);
    const id = nextId++;
    // A copy, so the caller's buffer survives handing the bytes over to the thread.
    const data = new Uint8Array(bytes.byteLength);
    data.set(bytes);
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new ReportTooComplexError('sandbox.timeMs', EXTRACT_TIMEOUT_MS, EXTRACT_TIMEOUT_MS));
      // A stuck parse blocks the thread: replace it; files queued behind it fail and may be retried.
      if (extractor?.worker === worker) extractor = null;
      void worker.terminate();
    }, EXTRACT_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, data } satisfies ExtractRequest, [data.buffer]);
  });
}

/** Maps failures (by pdf.js's error names, which the PDFium thread uses too) onto the reasons a user can act on. */
export function extractionError(bytes: Buffer, name: string, message: string): ReportParseError {
  if (name === 'PasswordException') return new ReportParseError('encrypted PDF: a password is needed to open it', {}, 'REPORT_ENCRYPTED');
  // Every complete PDF ends with %%EOF (a few tools append junk after it, hence the window).
  const truncated = !bytes
    .subarray(Math.max(0, bytes.length - 2048))
    .toString('latin1')
    .includes('%%EOF');
  const what = truncated ? 'truncated PDF (the file ends before its %%EOF marker)' : 'corrupt PDF';
  return new ReportParseError(`${what}: ${message}`, {}, 'REPORT_UNREADABLE');
}

/** Stops the extraction thread (tests and short-lived tools); the next PDF starts a new one. */
export async function closePdfReader(): Promise<void> {
  const current = extractor;
  extractor = null;
  if (current) await current.worker.terminate();
}
