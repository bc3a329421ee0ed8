import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { startDemoDatabase } from '@wazo-confgend/dao/demo';
import type { DatabaseSource } from './database.js';
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

/**
 * The database of a configuration without `db_uri`: the embedded PostgreSQL with the demo PBX of
 * `@wazo-confgend/dao` (built on first start, reused afterwards), started on the first connection attempt.
 */
export function demoDatabaseSource(logger: ServerLogger, dataDir = demoDataDir()): DatabaseSource {
  return {
    demo: async () => {
      logger.info({ dataDir }, `starting the embedded demo PostgreSQL in ${dataDir} (no db_uri configured)`);
      const demo = await startDemoDatabase({ dataDir, onLog: (line) => logger.debug({ component: 'demo-database' }, line) });
      return { dbUri: `${demo.url}?application_name=wazo-confgend`, stop: () => demo.stop() };
    },
  };
}
