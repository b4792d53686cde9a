import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');

/**
 * A TypeScript entry point run by node itself with tsx's loader: one process, so that SIGKILL
 * reaches the process that holds the database (the tsx command would leave its node child running).
 */
export function runTs(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Watched {
  child: ChildProcess;
  /** Everything written so far, both streams. */
  output(): string;
  /** Resolves with the first line matching `re` (rejects when the process ends first or after `ms`). */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export function watch(child: ChildProcess): Watched {
  let out = '';
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  const feed = (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.on('data', feed);
  child.stderr?.on('data', feed);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, ms = 60_000) {
      const now = out.match(re);
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms; output:\n${out.slice(-3000)}`)), ms);
        waiters.push({ re, resolve: (m) => (clearTimeout(timer), resolve(m)) });
        void exited.then(
          (code) => (clearTimeout(timer), reject(new Error(`process ended (${code}) before ${re}; output:\n${out.slice(-3000)}`))),
        );
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The server of src/main.ts on the given settings; resolves with its URL once it says it is ready. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ proc: Watched; url: string }> {
  const proc = watch(runTs('src/main.ts', [], env));
  const m = await proc.waitFor(/Nianbao GraphQL ready at (http:\/\/\S+?\/graphql)/, 120_000);
  return { proc, url: m[1] };
}
