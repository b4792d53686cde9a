/**
 * Loads PDFium's WebAssembly build (@embedpdf/pdfium, MIT; PDFium itself Apache-2.0) from the
 * package's own file, never fetched, under a memory cap: WebAssembly memory lies outside V8's heap,
 * so the thread's resourceLimits do not bound it, and the module may grow to 2 GiB by itself.
 */
import { readFileSync } from 'node:fs';
import { init } from '@embedpdf/pdfium';
import type { PdfiumApi } from './pdfium-page-text';

/** Raised (as an error name) when PDFium needs more memory than the cap allows. */
export const WASM_OUT_OF_MEMORY = 'WasmOutOfMemory';

let capBytes = Infinity;
let capInstalled = false;
let refused = 0;

/** How many growths the cap has refused so far in this thread (PDFium then aborts with a generic message). */
export function growthsRefused(): number {
  return refused;
}

/**
 * Refuses growth of any WebAssembly memory of this thread past the cap. The thread runs nothing but
 * PDFium, whose allocator then fails and aborts; the caller starts a fresh module.
 */
function installCap(mb: number): void {
  capBytes = mb * 1024 * 1024;
  if (capInstalled) return;
  capInstalled = true;
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * 65536 > capBytes) {
      refused++;
      throw new RangeError(`${WASM_OUT_OF_MEMORY}: over ${capBytes} bytes`);
    }
    return grow.call(this, delta);
  };
}

export interface LoadedPdfium {
  api: PdfiumApi;
  /** Bytes of WebAssembly memory in use (it never shrinks: a module grown large is replaced). */
  memoryBytes(): number;
}

/** A fresh PDFium instance whose calls go straight to the WebAssembly exports (not the debug wrappers). */
export async function loadPdfium(memoryCapMb: number): Promise<LoadedPdfium> {
  installCap(memoryCapMb);
  const wasmBinary = readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
  const quiet = () => undefined;
  const wrapped = await init({
    wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength),
    print: quiet,
    printErr: quiet,
  });
  wrapped.PDFiumExt_Init();
  const module = wrapped.pdfium;
  const exports = module.wasmExports as unknown as Record<string, unknown>;
  const memory = exports.memory as WebAssembly.Memory;
  const api = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(exports)) if (typeof fn === 'function') api[`_${name}`] = fn;
  // Views of the current memory buffer: a growth replaces it, so they are made anew on each read.
  for (const [name, View] of [
    ['HEAPU8', Uint8Array],
    ['HEAP32', Int32Array],
    ['HEAPF32', Float32Array],
    ['HEAPF64', Float64Array],
  ] as const) {
    let cached: ArrayBufferView | null = null;
    Object.defineProperty(api, name, {
      get: () => (cached && cached.buffer === memory.buffer ? cached : (cached = new View(memory.buffer))),
    });
  }
  return { api: api as unknown as PdfiumApi, memoryBytes: () => memory.buffer.byteLength };
}
