import { readFileSync } from 'fs';
import { parentPort } from 'worker_threads';
import { NianbaoError } from '../common/errors';
import { prepareReport } from './report-preparation';
import { toWire, type PoolReply, type PoolRequest } from './parse-pool';

/** One parse thread: reads the file itself (the bytes never cross threads), reads and checks it. */
parentPort!.on('message', async ({ id, path, fileName, year }: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { id, prepared: await prepareReport(readFileSync(path), fileName, year) };
  } catch (e) {
    const err = e as Error;
    reply = { id, error: { name: err.name, message: err.message, code: e instanceof NianbaoError ? e.code : 'ERROR', extensions: e instanceof NianbaoError ? e.extensions : {} } };
  }
  parentPort!.postMessage(toWire(reply));
});
