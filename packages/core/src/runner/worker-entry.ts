import { createHash } from 'node:crypto';
import { threadId, workerData as rawWorkerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { ContentInspector } from '../service/content-checks.js';
import type { Driver } from '../driver.js';
import { describeError, isConfgendError, confgendError } from '../errors.js';
import { importDriver } from '../loader/load-driver.js';
import { constructDriver, generateContent } from './checked-content.js';
import type { CreateWorkerSession, GeneratedBytes, GenerationTask, PingTask, TaskFailure, WorkerData, WorkerSession } from './generation-task.js';

/*
 * One generation thread of a pool. It is the only place driver code is imported: a driver that
 * loops, leaks, exits or throws from a timer ends this thread, never the daemon.
 */
const data = rawWorkerData as WorkerData;
const encoder = new TextEncoder();
/** Built once per thread (a pool serves one configuration); a failed construction is retried. */
const drivers = new Map<string, Driver>();
// loaded while the thread boots, so the first generation does not pay for the database layer
const session: WorkerSession | null = data.sessionModule === null
  ? null
  : ((await import(data.sessionModule)) as { createWorkerSession: CreateWorkerSession }).createWorkerSession(data.session);
const inspect: ContentInspector | null = data.inspectorModule === null
  ? null
  : ((await import(data.inspectorModule)) as { inspect: ContentInspector }).inspect;
const unchecked = new Set(data.config.unchecked_files);

/** The bytes, their checksum and what the host's check found, the bytes moved rather than copied. */
function handBack(file: string, bytes: Uint8Array): unknown {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const value: GeneratedBytes = {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    problems: inspect === null || unchecked.has(file) ? [] : inspect(file, buffer),
  };
  return move({ [transferableSymbol]: bytes.buffer, [valueSymbol]: value });
}

async function driverFor(task: GenerationTask): Promise<Driver> {
  const key = `${task.driver.modulePath}#${task.driver.exportName}`;
  const existing = drivers.get(key);
  if (existing) return existing;
  const instance = constructDriver(await importDriver(task.driver), data.config, task.driver);
  drivers.set(key, instance);
  return instance;
}

function failure(error: unknown, file: string): TaskFailure {
  const known = isConfgendError(error)
    ? error
    : confgendError('WCG_ERR_GENERATION_FAILED', 'failed', { file, reason: describeError(error) });
  return { failure: { code: known.code, message: known.message, details: { ...known.details } } };
}

/** Returns the content as bytes moved (not copied) to the main thread, or a failure. */
export default async function runGenerationTask(task: GenerationTask | PingTask): Promise<unknown> {
  // held briefly, so that a batch of pings spreads over every booted thread
  if ('ping' in task) return new Promise((resolve) => setTimeout(() => resolve({ threadId }), 20));
  task.started.postMessage('started');
  task.started.close();
  try {
    const instance = await driverFor(task);
    if (task.constructOnly) return { constructed: true };
    const content = session === null
      ? await generateContent(instance, task.driver, task.file)
      : await session.run(task.dbUri, () => generateContent(instance, task.driver, task.file));
    // TextEncoder gives a buffer of its own; a pooled Buffer would move its whole slab
    return handBack(task.file, encoder.encode(content));
  } catch (error) {
    return failure(error, task.file);
  }
}
