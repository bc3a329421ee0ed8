import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

/**
 * Starts `file args` once and resolves with the wall time from spawn to exit, its exit status and
 * the size of its stdout. The child gets exactly `env`.
 */
export function timedRun({ file, args, env, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (stdoutBytes += chunk.length));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, signal, stdoutBytes, stderr });
    });
  });
}

/**
 * Runs each variant `runs` times, round-robin (so a burst of load elsewhere on the machine hits
 * every variant alike), one process at a time. A run that fails its variant's `check` throws.
 * Returns the wall times in ms per variant name.
 */
export async function timeVariants(variants, runs) {
  const times = new Map(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < runs; round += 1) {
    for (const variant of variants) {
      const run = await timedRun(variant);
      const problem = variant.check?.(run);
      if (problem) throw new Error(`${variant.name}: ${problem}`);
      times.get(variant.name).push(run.ms);
    }
  }
  return times;
}

/** The check for a client run: exit 0, no stderr, a non-empty answer on stdout. */
export function answered(run) {
  if (run.code !== 0) return `exit ${run.signal ?? run.code}: ${run.stderr.trim()}`;
  if (run.stderr !== '') return `unexpected stderr: ${run.stderr.trim()}`;
  return run.stdoutBytes === 0 ? 'empty answer' : null;
}
