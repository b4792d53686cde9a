import { extname, join } from 'path';

/**
 * How to start a worker thread from a sibling module `base` of the calling file, in whatever form
 * that file runs as: .js when built with tsc, .ts under tsx (npm start) and ts-jest. A worker thread
 * is outside jest's module system, so a .ts worker loads tsx's CommonJS hook itself.
 */
export function workerFile(callerFile: string, callerDir: string, base: string): { file: string; execArgv?: string[] } {
  const ext = extname(callerFile);
  const file = join(callerDir, `${base}${ext}`);
  return ext === '.ts' ? { file, execArgv: ['--require', require.resolve('tsx/cjs')] } : { file };
}
