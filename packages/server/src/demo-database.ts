import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import * as dao from '@wazo-confgend/dao';
import pg from 'pg';
import type { ServerLogger } from './logging.js';

/** Overrides where the embedded demo cluster keeps its data. */
export const DEMO_DATA_DIR_VARIABLE = 'WAZO_CONFGEND_DEMO_DATA_DIR';
const DEMO_DATABASE = 'asterisk';

/**
 * A user-writable place for the demo cluster: `$XDG_DATA_HOME/wazo-confgend/demo-pg` (or
 * `~/.local/share/...`). As root the cluster runs as the `postgres` user, which cannot enter
 * root's home, so root gets `/var/lib/wazo-confgend/demo-pg`.
 */
export function demoDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[DEMO_DATA_DIR_VARIABLE];
  if (configured) return configured;
  if (userInfo().uid === 0) return '/var/lib/wazo-confgend/demo-pg';
  const dataHome = env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share');
  return join(dataHome, 'wazo-confgend', 'demo-pg');
}

export interface DemoDatabase {
  dbUri: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL used when no `db_uri` is configured, and on first use creates
 * its `asterisk` database from the project's entity definitions and loads the demo dataset.
 */
export async function startDemoDatabase(logger: ServerLogger, dataDir = demoDataDir()): Promise<DemoDatabase> {
  logger.info({ dataDir }, `starting the embedded demo PostgreSQL in ${dataDir} (no db_uri configured)`);
  const server = await dao.startEmbeddedPostgres({ dataDir, onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line) });
  try {
    const url = server.urlFor(DEMO_DATABASE);
    if (await createDatabaseIfMissing(server.adminUrl)) {
      logger.info('creating the demo database schema');
      await dao.createSchemaFromEntities(url);
      await loadDemoDataset(url, logger);
    }
    return { dbUri: `${url}?application_name=wazo-confgend`, dataDir, stop: () => server.stop() };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Seam for dao's demo dataset: loaded when dao exports `seedDemoDatabase(url)`; until it does,
 * the demo database has the schema and no rows, and drivers generate from an empty PBX.
 */
async function loadDemoDataset(url: string, logger: ServerLogger): Promise<void> {
  const seed = (dao as Record<string, unknown>)['seedDemoDatabase'];
  if (typeof seed === 'function') {
    await (seed as (url: string) => Promise<void>)(url);
    logger.info('loaded the demo dataset');
  } else {
    logger.warn('@wazo-confgend/dao provides no demo dataset (seedDemoDatabase): the demo database is empty');
  }
}

async function createDatabaseIfMissing(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_DATABASE]);
    if (existing.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${DEMO_DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    return true;
  } finally {
    await client.end();
  }
}
