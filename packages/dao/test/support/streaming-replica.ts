import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/free-port.js';

/** Where Debian's postgresql-15 package puts its programs; PG15_BIN_DIR points elsewhere. */
export const DEFAULT_POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';

const PROGRAMS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'] as const;
const SYSTEM_CLUSTER_PORT = 5432;
const SUPERUSER = 'postgres';

/** The directory of the PostgreSQL 15 programs, or why they cannot be used. */
export function findPostgresBinaries(): { binDir: string } | { missing: string } {
  const binDir = process.env['PG15_BIN_DIR'] ?? DEFAULT_POSTGRES_BIN_DIR;
  const absent = PROGRAMS.filter((program) => !existsSync(join(binDir, program)));
  if (absent.length > 0) return { missing: `PostgreSQL 15 programs not found in ${binDir}: ${absent.join(', ')} (install postgresql-15)` };
  return { binDir };
}

export interface StreamingReplicaOptions {
  readonly binDir: string;
  /** Where the temporary directory is made (the system's by default). */
  readonly parentDir?: string;
  /** SQL run on the primary before the standby is copied from it. */
  readonly setupSql?: readonly string[];
  /** A fixed standby port, for tests of a failing start; a free one otherwise. */
  readonly standbyPort?: number;
}

export interface StreamingReplica {
  readonly directory: string;
  readonly primaryPort: number;
  readonly standbyPort: number;
  readonly primaryUrl: string;
  readonly standbyUrl: string;
  /** Runs SQL on the primary and returns the rows. */
  primary<Row>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Runs SQL on the standby (read-only) and returns the rows. */
  standby<Row>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops both servers and removes the directory; safe to call more than once. */
  stop(): Promise<void>;
}

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}


async function freePortBesides(taken: readonly number[]): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port !== SYSTEM_CLUSTER_PORT && !taken.includes(port)) return port;
  }
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function postgresUser(): RunAs {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function run(binDir: string, program: string, args: readonly string[], as: RunAs, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      join(binDir, program),
      [...args],
      { ...as, cwd: tmpdir(), env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${program} ${args.join(' ')} failed: ${stderr.trim() || error.message}`, { cause: error }));
        else resolve(stdout);
      },
    );
  });
}

async function queryOn<Row>(url: string, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql, [...parameters])).rows as Row[];
  } finally {
    await client.end();
  }
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

function serverSettings(port: number): string {
  // loopback only, no Unix socket (so nothing lands beside the system cluster's), durability off
  return ['', `port = ${port}`, "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", 'fsync = off', 'hot_standby = on', ''].join('\n');
}

/**
 * A throw-away PostgreSQL 15 primary and a hot standby streaming from it, on free loopback ports
 * in a temporary directory: initdb, the setup SQL, pg_basebackup -R, then both servers up and
 * the standby streaming. Anything that fails on the way stops what was started and removes the
 * directory before the error is passed on.
 */
export async function startStreamingReplica(options: StreamingReplicaOptions): Promise<StreamingReplica> {
  const as = postgresUser();
  const directory = await mkdtemp(join(options.parentDir ?? tmpdir(), 'wcg-replica-'));
  const primaryDir = join(directory, 'primary');
  const standbyDir = join(directory, 'standby');
  const password = randomBytes(12).toString('hex');
  const started: string[] = [];
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const failures: unknown[] = [];
    for (const dataDir of started.reverse()) {
      // a server that never came up (or already went down) has no pid file: nothing to stop
      if (!existsSync(join(dataDir, 'postmaster.pid'))) continue;
      await run(options.binDir, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], as).catch(async (error: unknown) => {
        failures.push(error);
        await run(options.binDir, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], as).catch((again: unknown) => failures.push(again));
      });
    }
    await rm(directory, { recursive: true, force: true }).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, `the replica in ${directory} was not cleaned up entirely`);
  };

  try {
    if (as.uid !== undefined && as.gid !== undefined) await chown(directory, as.uid, as.gid);
    const primaryPort = await freePortBesides([]);
    const standbyPort = options.standbyPort ?? (await freePortBesides([primaryPort]));
    const urlOf = (port: number) => `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`;
    const primaryUrl = urlOf(primaryPort);
    const standbyUrl = urlOf(standbyPort);

    const passwordFile = join(directory, 'password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (as.uid !== undefined && as.gid !== undefined) await chown(passwordFile, as.uid, as.gid);
    await run(
      options.binDir,
      'initdb',
      ['-D', primaryDir, '-U', SUPERUSER, `--pwfile=${passwordFile}`, '--auth-host=scram-sha-256', '--auth-local=reject', '--encoding=UTF8', '--locale=C.UTF-8'],
      as,
    );
    await rm(passwordFile);
    await appendFile(join(primaryDir, 'postgresql.conf'), serverSettings(primaryPort));
    started.push(primaryDir);
    await run(options.binDir, 'pg_ctl', ['start', '-D', primaryDir, '-l', join(directory, 'primary.log'), '-w', '-t', '60'], as);
    for (const sql of options.setupSql ?? []) await queryOn(primaryUrl, sql);

    await run(
      options.binDir,
      'pg_basebackup',
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', SUPERUSER, '-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast'],
      as,
      { PGPASSWORD: password },
    );
    // the copied settings name the primary's port: the later line wins
    await appendFile(join(standbyDir, 'postgresql.conf'), serverSettings(standbyPort));
    started.push(standbyDir);
    await run(options.binDir, 'pg_ctl', ['start', '-D', standbyDir, '-l', join(directory, 'standby.log'), '-w', '-t', '60'], as);

    await waitFor('the standby to stream from the primary', 30_000, async () => {
      const [receiver] = await queryOn<{ status: string }>(standbyUrl, 'SELECT status FROM pg_stat_wal_receiver');
      const [sender] = await queryOn<{ state: string }>(primaryUrl, 'SELECT state FROM pg_stat_replication');
      return receiver?.status === 'streaming' && sender?.state === 'streaming';
    });

    return {
      directory,
      primaryPort,
      standbyPort,
      primaryUrl,
      standbyUrl,
      primary: (sql, parameters) => queryOn(primaryUrl, sql, parameters),
      standby: (sql, parameters) => queryOn(standbyUrl, sql, parameters),
      caughtUp: async (timeoutMs = 30_000) => {
        const [{ lsn } = { lsn: '' }] = await queryOn<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
        await waitFor(`the standby to replay up to ${lsn}`, timeoutMs, async () => {
          const [row] = await queryOn<{ replayed: boolean }>(standbyUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [lsn]);
          return row?.replayed === true;
        });
      },
      stop,
    };
  } catch (error) {
    try {
      await stop();
    } catch (cleanup) {
      throw new AggregateError([error, cleanup], `${(error as Error).message} (and the clean-up failed)`, { cause: cleanup });
    }
    throw error;
  }
}
