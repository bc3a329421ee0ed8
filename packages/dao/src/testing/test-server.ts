import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded/embedded-postgres.js';

/** Environment variable naming a PostgreSQL superuser URL that tests may create databases with. */
export const TEST_DB_URL_VARIABLE = 'WAZO_CONFGEND_TEST_DB_URL';

export interface TestServer {
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server tests create their databases on: the one named by
 * WAZO_CONFGEND_TEST_DB_URL, else a throw-away embedded PostgreSQL 15.
 */
export async function startTestServer(): Promise<TestServer> {
  const configured = process.env[TEST_DB_URL_VARIABLE];
  if (configured) return { adminUrl: configured, stop: async () => undefined };
  const root = await mkdtemp(join(tmpdir(), 'wazo-confgend-test-pg-'));
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: join(root, 'data') });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl: embedded.adminUrl,
    stop: async () => {
      await embedded.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
