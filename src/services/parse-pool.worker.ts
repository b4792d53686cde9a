import { readFileSync } from 'fs';
import { parentPort } from 'worker_threads';
import { prepareReport } from './report-preparation';
import { THREAD_READY, toWire, wireError, type PoolReply, type PoolRequest } from './parse-pool';

/**
 * One parse thread: reads a file (from its path, or the bytes sent) and checks it, one file at a
 * time, so that the pool knows which file a thread was reading when it hit a limit.
 */
async function answer({ id, path, bytes, fileName, year }: PoolRequest): Promise<void> {
  let reply: PoolReply;
  try {
    const file = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : readFileSync(path!);
    reply = { id, prepared: await prepareReport(file, fileName, year) };
  } catch (e) {
    reply = { id, error: wireError(e) };
  }
  parentPort!.postMessage(toWire(reply));
}

let turn: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: PoolRequest) => {
  turn = turn.then(() => answer(request));
});
parentPort!.postMessage(THREAD_READY);
