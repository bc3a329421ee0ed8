import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverBin = fileURLToPath(new URL('../../dist/bin/wazo-confgend.js', import.meta.url));
export const clientBin = join(dirname(createRequire(import.meta.url).resolve('@wazo-confgend/client/package.json')), 'dist', 'bin', 'wazo-confgen.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

export function started(args: readonly string[], bin = serverBin): { child: ChildProcess; finished: Promise<Finished>; stdout: () => string } {
  const begin = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, elapsedMs: performance.now() - begin })),
  );
  return { child, finished, stdout: () => stdout };
}

/** Runs a command to completion. */
export function run(args: readonly string[], bin = serverBin): Promise<Finished> {
  return started(args, bin).finished;
}
