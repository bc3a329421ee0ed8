import { createHash } from 'node:crypto';
import { confgendError, describeError, isConfgendError, type ConfgendError } from '@wazo-confgend/core';
import { WAZO_ENTITIES } from '../entities/index.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { createSchemaFromEntities } from '../schema/create-schema.js';
import { DEMO_DATASET } from './demo-dataset.js';
import { loadDataset } from './load-dataset.js';
import { withClient } from '../with-client.js';

export interface DemoDatabaseOptions {
  /** Directory of the embedded PostgreSQL cluster; kept between runs, so the demo data survives restarts. */
  readonly dataDir: string;
  readonly onLog?: (line: string) => void;
}

export interface DemoDatabase {
  /** URL of the demo database, for db_uri. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The demo database of this version of the project: its name carries a fingerprint of the tables
 * and of the dataset, so an upgrade that changes either builds a new demo instead of serving one
 * that lacks columns the drivers now read.
 */
export const DEMO_DATABASE_NAME = `wazo_demo_${demoFingerprint()}`;
const DEMO_DATABASE_PATTERN = 'wazo\\_demo\\_%';

function demoFingerprint(): string {
  const tables = WAZO_ENTITIES.map(({ options }) => [options.name, options.tableName, options.columns]);
  return createHash('sha256').update(JSON.stringify({ tables, dataset: DEMO_DATASET })).digest('hex').slice(0, 12);
}

/**
 * The database is built under this name and renamed to DEMO_DATABASE_NAME once complete, so the
 * final name existing is the marker of a finished load: an interrupted first start is redone on
 * the next one instead of serving half a dataset.
 */
const BUILDING_NAME = 'wazo_demo_building';

/**
 * Starts the embedded PostgreSQL in dataDir with the demo PBX: the first start creates the
 * database (tables from the entities, then the demo dataset), later starts reuse it as it is,
 * until an upgrade changes the tables or the dataset: the demo is then rebuilt and the old one
 * dropped.
 */
export async function startDemoDatabase(options: DemoDatabaseOptions): Promise<DemoDatabase> {
  const log = options.onLog ?? (() => undefined);
  let server: EmbeddedPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir: options.dataDir, onLog: log });
  } catch (error) {
    // the embedded server's own error already says what to do; removing the demo data would not help
    throw isConfgendError(error) ? error : demoDatabaseFailed(options.dataDir, error);
  }
  try {
    if (await databaseExists(server.adminUrl, DEMO_DATABASE_NAME)) {
      log(`demo database: reusing ${DEMO_DATABASE_NAME} in ${options.dataDir}`);
    } else {
      await buildDemoDatabase(server, log);
      log(`demo database: created ${DEMO_DATABASE_NAME} in ${options.dataDir}`);
      for (const outdated of await outdatedDemoDatabases(server.adminUrl)) {
        await withClient(server.adminUrl, (admin) => admin.query(`DROP DATABASE ${outdated} WITH (FORCE)`));
        log(`demo database: dropped ${outdated}, built by another version`);
      }
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw demoDatabaseFailed(options.dataDir, error);
  }
  return { url: server.urlFor(DEMO_DATABASE_NAME), stop: () => server.stop() };
}

async function buildDemoDatabase(server: EmbeddedPostgres, log: (line: string) => void): Promise<void> {
  await withClient(server.adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${BUILDING_NAME} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${BUILDING_NAME} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  });
  await createSchemaFromEntities(server.urlFor(BUILDING_NAME));
  await withClient(server.urlFor(BUILDING_NAME), async (client) => {
    await client.query('BEGIN');
    try {
      const report = await loadDataset(client, DEMO_DATASET);
      await client.query('COMMIT');
      if (report.skippedTables.length > 0) {
        log(`demo database: no table for ${report.skippedTables.join(', ')} (no driver reads them)`);
      }
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  await withClient(server.adminUrl, (admin) =>
    admin.query(`ALTER DATABASE ${BUILDING_NAME} RENAME TO ${DEMO_DATABASE_NAME}`),
  );
}

async function outdatedDemoDatabases(adminUrl: string): Promise<string[]> {
  const result = await withClient(adminUrl, (admin) =>
    admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE (datname = 'wazo_demo' OR datname LIKE $1) AND datname NOT IN ($2, $3)`,
      [DEMO_DATABASE_PATTERN, DEMO_DATABASE_NAME, BUILDING_NAME],
    ),
  );
  return result.rows.map((row) => row.datname);
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const result = await withClient(adminUrl, (admin) =>
    admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
  );
  return result.rowCount === 1;
}


function demoDatabaseFailed(dataDir: string, cause: unknown): ConfgendError {
  return confgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'demoFailed', { dataDir, reason: describeError(cause) }, { cause });
}
