import { Worker } from 'worker_threads';
import type { CheckOptions, Finding } from '../shared/checks';
import { workerFile } from '../common/worker-file';
import type { ParsedReport } from '../shared/parsed-report';

export interface CheckJob {
  parsed: ParsedReport;
  opts: CheckOptions;
}
export interface CheckBatch {
  id: number;
  jobs: CheckJob[];
}
export type CheckBatchReply = { id: number; findings: Finding[][] } | { id: number; error: string };

/**
 * One thread that runs checkReport on batches of generated reports, so that checking a batch
 * overlaps storing the one before (the embedded SQLite driver writes on the main thread).
 */
export class CheckThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (f: Finding[][]) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor() {
    const { file, execArgv } = workerFile(__filename, __dirname, 'check-thread.worker');
    this.worker = new Worker(file, { execArgv });
    this.worker.on('message', (m: CheckBatchReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ('findings' in m) p?.resolve(m.findings);
      else p?.reject(new Error(`check thread: ${m.error}`));
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('check thread stopped')));
  }

  check(jobs: CheckJob[]): Promise<Finding[][]> {
    if (!jobs.length) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, jobs } satisfies CheckBatch);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
