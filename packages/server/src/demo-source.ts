import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import * as dao from '@wazo-confgend/dao/demo';
import type { ServerLogger } from './logging.js';

/** Overrides where the embedded demo cluster keeps its data. */
export const DEMO_DATA_DIR_VARIABLE = 'WAZO_CONFGEND_DEMO_DATA_DIR';

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
 * Starts the embedded PostgreSQL used when no `db_uri` is configured, with the demo PBX of
 * `@wazo-confgend/dao` (built on first start, reused afterwards).
 */
export async function startDemoDatabase(logger: ServerLogger, dataDir = demoDataDir()): Promise<DemoDatabase> {
  logger.info({ dataDir }, `starting the embedded demo PostgreSQL in ${dataDir} (no db_uri configured)`);
  const demo = await dao.startDemoDatabase({ dataDir, onLog: (line) => logger.debug({ component: 'demo-database' }, line) });
  return { dbUri: `${demo.url}?application_name=wazo-confgend`, dataDir, stop: () => demo.stop() };
}
