import { availableParallelism } from 'os';
import { Worker } from 'worker_threads';
import { NianbaoError } from '../common/errors';
import { workerFile } from '../common/worker-file';
import type { PreparedReport } from './report-preparation';

export interface PoolRequest {
  id: number;
  path: string;
  fileName: string;
  year?: number;
}

export type PoolReply = { id: number; prepared: PreparedReport } | { id: number; error: { name: string; message: string; code: string; extensions: Record<string, unknown> } };

/**
 * A reply as it crosses threads: one JSON string, which the main thread parses in a fraction of
 * the time a structured clone of the same object graph takes to rebuild (every report stored
 * passes through the one main thread: bench/ingest.bench.ts). Each cell's reading location, which
 * only the reader's own errors use, stays behind; its provenance (`source`) goes.
 */
export function toWire(reply: PoolReply): string {
  if ('prepared' in reply) for (const c of Object.values(reply.prepared.parsed.cells)) delete c.location;
  return JSON.stringify(reply);
}

/** A rejection from a parse thread, with the message, code and place the thread's error had. */
export class PreparedReportError extends NianbaoError {}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Threads that read and check reports (one per core by default), so that parsing runs beside the
 * single-writer store on the main thread. Each thread has its own PDF extractor (pdf-extraction.ts
 * starts one per thread that reads a PDF). Work goes to the least busy thread.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { resolve: (p: PreparedReport) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 1;

  constructor(readonly size = availableParallelism()) {
    const { file, execArgv } = workerFile(__filename, __dirname, 'parse-pool.worker');
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(file, { execArgv }), busy: 0 };
      slot.worker.on('message', (m: string) => this.settle(JSON.parse(m) as PoolReply));
      slot.worker.on('error', (e) => this.failSlot(slot, e));
      slot.worker.on('exit', () => this.failSlot(slot, new Error('parse thread stopped')));
      this.slots.push(slot);
    }
  }

  prepare(path: string, fileName: string, year?: number): Promise<PreparedReport> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, path, fileName, year } satisfies PoolRequest);
    });
  }

  private settle(m: PoolReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.slot.busy--;
    if ('prepared' in m) p.resolve(m.prepared);
    else p.reject(Object.assign(new PreparedReportError(m.error.message, m.error.code, m.error.extensions), { name: m.error.name }));
  }

  private failSlot(slot: Slot, e: Error): void {
    for (const [id, p] of this.pending)
      if (p.slot === slot) {
        this.pending.delete(id);
        p.reject(e);
      }
  }

  async close(): Promise<void> {
    for (const s of this.slots) s.worker.removeAllListeners('exit');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
