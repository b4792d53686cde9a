import { parentPort } from 'worker_threads';
import { checkReport } from '../shared/checks';
import type { CheckBatch, CheckBatchReply } from './check-thread';

/** Runs the real checks on a batch of generated reports, beside the main thread's inserts. */
parentPort!.on('message', ({ id, jobs }: CheckBatch) => {
  let reply: CheckBatchReply;
  try {
    reply = { id, findings: jobs.map((j) => checkReport(j.parsed, j.opts)) };
  } catch (e) {
    reply = { id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
