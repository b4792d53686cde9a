import { availableParallelism } from 'os';
import { Worker } from 'worker_threads';
import { BadInputError, NianbaoError, ReportParseError, ReportTooComplexError } from '../common/errors';
import type { SourceLocation } from '../shared/source-place';
import { workerFile } from '../common/worker-file';
import { SANDBOX_LIMITS } from '../ingest/file-limits';
import type { PreparedReport } from './report-preparation';

/** A file to read: by path (bulk imports: the thread reads it itself) or its bytes (a request's upload). */
export interface PoolRequest {
  id: number;
  path?: string;
  bytes?: Uint8Array;
  fileName: string;
  year?: number;
}

/** An error as it crosses threads; `reason` for a ReportParseError, whose message is built from it. */
export interface WireError {
  name: string;
  message: string;
  code: string;
  extensions: Record<string, unknown>;
  reason?: string;
}

export type PoolReply = { id: number; prepared: PreparedReport } | { id: number; error: WireError };

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

/** A reader's error, as the thread sends it. */
export function wireError(e: unknown): WireError {
  const err = e as Error;
  if (!(e instanceof NianbaoError))
    return { name: err?.name ?? 'Error', message: String(err?.message ?? e), code: 'ERROR', extensions: {} };
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    extensions: e.extensions,
    ...(e instanceof ReportParseError ? { reason: e.reason } : {}),
  };
}

/** A rejection from a parse thread, with the message, code and place the thread's error had (a ReportParseError there, so here). */
export class PreparedReportError extends ReportParseError {}

/** The error a thread's error stands for here, of the class the error mapping knows (status, code). */
function fromWire(e: WireError): Error {
  if (e.code === 'REPORT_TOO_COMPLEX') {
    const x = e.extensions as {
      limit: ConstructorParameters<typeof ReportTooComplexError>[0];
      value: number;
      max: number;
      part?: string;
      file?: string;
    };
    return new ReportTooComplexError(x.limit, x.value, x.max, { part: x.part, file: x.file });
  }
  if (e.reason !== undefined) return new PreparedReportError(e.reason, (e.extensions.location ?? {}) as SourceLocation, e.code);
  if (e.name === 'BadInputError') return new BadInputError(e.message, e.extensions);
  if (e.code !== 'ERROR') return Object.assign(new NianbaoError(e.message, e.code, e.extensions), { name: e.name });
  // Not a refusal but a fault of the reader: it stays an internal error (logged, never shown).
  return Object.assign(new Error(e.message), { name: e.name });
}

interface Job {
  request: PoolRequest;
  timeLimitMs: number;
  resolve: (p: PreparedReport) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Sent to this thread, in order: it reads one at a time, so the first is the one under way. */
  jobs: Job[];
  /** Loaded and listening: a file's clock runs from then, not while the thread loads its modules. */
  ready: boolean;
}

/** The first message of a thread, once it listens. */
export const THREAD_READY = 'ready';

/** Files sent ahead to a thread beside the one it reads, so that it never waits for the main thread between files. */
const AHEAD_PER_THREAD = 1;

export interface PoolLimits {
  heapMb: number;
  timeMs: number;
}

/**
 * The sandbox every file is read in: threads that read and check reports (one per core by
 * default, started when first needed), beside the main thread that stores them and answers
 * requests. Each thread has a heap cap (resourceLimits) and each file a wall-clock limit, timed
 * from when its thread starts on it; a thread over either is ended and replaced, and the file it
 * was reading is refused with REPORT_TOO_COMPLEX naming the limit; files sent to it behind that one
 * go to the next thread. Each thread has its own PDF extractor (pdf-extraction.ts starts one per
 * thread that reads a PDF), under the same limits.
 */
export class ParsePool {
  private readonly slots: Array<Slot | undefined>;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size = availableParallelism(),
    private readonly limits: PoolLimits = SANDBOX_LIMITS,
  ) {
    this.slots = new Array<Slot | undefined>(size).fill(undefined);
  }

  /** A file on disk, read by the thread itself (the bytes never cross threads). */
  prepare(path: string, fileName: string, year?: number): Promise<PreparedReport> {
    return this.submit({ id: this.nextId++, path, fileName, year }, this.limits.timeMs);
  }

  /** A file's bytes (a request's upload), copied to the thread; `timeLimitMs` shortens the wall-clock limit (a request's deadline). */
  prepareBytes(bytes: Buffer, fileName: string, year?: number, timeLimitMs = this.limits.timeMs): Promise<PreparedReport> {
    return this.submit(
      { id: this.nextId++, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, year },
      Math.max(1, Math.min(timeLimitMs, this.limits.timeMs)),
    );
  }

  private submit(request: PoolRequest, timeLimitMs: number): Promise<PreparedReport> {
    if (this.closed) return Promise.reject(new Error('the parse pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeLimitMs, resolve, reject });
      this.pump();
    });
  }

  /** Hands queued files to threads: first to idle ones, then one ahead to busy ones. */
  private pump(): void {
    for (let depth = 0; depth <= AHEAD_PER_THREAD && this.queue.length; depth++)
      for (let i = 0; i < this.size && this.queue.length; i++) {
        const slot = this.slots[i] ?? (this.slots[i] = this.start(i));
        if (slot.jobs.length === depth) this.send(slot, this.queue.shift()!);
      }
  }

  private start(index: number): Slot {
    const { file, execArgv } = workerFile(__filename, __dirname, 'parse-pool.worker');
    const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } });
    const slot: Slot = { worker, jobs: [], ready: false };
    worker.on('message', (m: string) => {
      if (m !== THREAD_READY) return this.settle(slot, JSON.parse(m) as PoolReply);
      slot.ready = true;
      if (slot.jobs.length) this.startClock(slot);
    });
    worker.on('error', (e: Error & { code?: string }) =>
      this.end(
        index,
        slot,
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ReportTooComplexError('sandbox.heapMb', this.limits.heapMb, this.limits.heapMb) : e,
      ),
    );
    worker.on('exit', () => this.end(index, slot, new Error('parse thread stopped')));
    // An idle thread does not keep the process alive; after the listeners, since adding a 'message'
    // listener refs the thread again (send() refs it while it has files).
    worker.unref();
    return slot;
  }

  private send(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    // A thread at work keeps the process alive (its clock may not run yet: the thread may still be loading).
    slot.worker.ref();
    // Cloned, never transferred: a file sent behind a failed one is sent again.
    slot.worker.postMessage(job.request);
    if (slot.jobs.length === 1 && slot.ready) this.startClock(slot);
  }

  private startClock(slot: Slot): void {
    const job = slot.jobs[0];
    job.timer = setTimeout(() => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.end(index, slot, new ReportTooComplexError('sandbox.timeMs', job.timeLimitMs, job.timeLimitMs));
    }, job.timeLimitMs);
  }

  private settle(slot: Slot, m: PoolReply): void {
    const job = slot.jobs[0];
    if (!job || job.request.id !== m.id) return;
    slot.jobs.shift();
    clearTimeout(job.timer);
    if ('prepared' in m) job.resolve(m.prepared);
    else job.reject(fromWire(m.error));
    if (slot.jobs.length) this.startClock(slot);
    else slot.worker.unref();
    this.pump();
  }

  /**
   * A thread over a limit, or stopped: it is ended, the file it was reading fails with `error`, the
   * files sent behind it go back to the front of the queue, and a new thread takes its place.
   */
  private end(index: number, slot: Slot, error: Error): void {
    if (this.slots[index] !== slot) return;
    this.slots[index] = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    const [failed, ...behind] = slot.jobs;
    if (failed) {
      clearTimeout(failed.timer);
      failed.reject(error);
    }
    this.queue.unshift(...behind);
    if (!this.closed) this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.filter((s): s is Slot => !!s);
    this.slots.fill(undefined);
    for (const s of slots) {
      s.worker.removeAllListeners();
      for (const j of s.jobs) clearTimeout(j.timer);
    }
    for (const j of [...this.queue, ...slots.flatMap((s) => s.jobs)]) j.reject(new Error('the parse pool is closed'));
    this.queue.length = 0;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
